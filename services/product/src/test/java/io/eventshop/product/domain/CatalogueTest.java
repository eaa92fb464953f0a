package io.eventshop.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final ProductDraft MUG =
      new ProductDraft("Mug", "Stoneware, 3 dl", "kitchen", new BigDecimal("12.5"));

  @Test
  void createsAProductThatDoesNotExistYet() {
    CatalogueDecision decision = Catalogue.create("MUG-1", MUG, null, NOW);

    assertThat(decision).isEqualTo(new CatalogueDecision.Write(new CatalogueItem("MUG-1", "Mug",
        "Stoneware, 3 dl", "kitchen", new BigDecimal("12.50"), NOW), true));
  }

  @Test
  void aCreateNeverOverwritesAnExistingProduct() {
    CatalogueItem existing = ((CatalogueDecision.Write) Catalogue.create("MUG-1", MUG, null, NOW))
        .item();

    assertThat(Catalogue.create("MUG-1", MUG, existing, NOW.plusSeconds(1)))
        .isEqualTo(new CatalogueDecision.AlreadyExists("MUG-1"));
  }

  @Test
  void changesAnExistingProductKeepingItsSku() {
    CatalogueItem existing = ((CatalogueDecision.Write) Catalogue.create("MUG-1", MUG, null, NOW))
        .item();
    ProductDraft cheaper = new ProductDraft("Mug", "", "kitchen", new BigDecimal("9.90"));

    CatalogueDecision decision = Catalogue.change("MUG-1", cheaper, existing, NOW.plusSeconds(60));

    assertThat(decision).isEqualTo(new CatalogueDecision.Write(new CatalogueItem("MUG-1", "Mug",
        "", "kitchen", new BigDecimal("9.90"), NOW.plusSeconds(60)), false));
  }

  @Test
  void aChangeOfAnUnknownProductIsRefused() {
    assertThat(Catalogue.change("NOPE-1", MUG, null, NOW))
        .isEqualTo(new CatalogueDecision.Unknown("NOPE-1"));
  }

  @Test
  void aMissingDescriptionBecomesEmpty() {
    ProductDraft plain = new ProductDraft("Mug", null, "kitchen", BigDecimal.ONE);

    assertThat(((CatalogueDecision.Write) Catalogue.create("MUG-1", plain, null, NOW)).item()
        .description()).isEmpty();
  }

  @Test
  void pricesAreKeptWithExactlyTwoDecimals() {
    assertThat(Catalogue.chf(new BigDecimal("3"))).isEqualTo(new BigDecimal("3.00"));
    assertThat(Catalogue.chf(new BigDecimal("3.10"))).isEqualTo(new BigDecimal("3.10"));
    assertThat(Catalogue.chf(new BigDecimal("3.100"))).isEqualTo(new BigDecimal("3.10"));
    assertThat(Catalogue.chf(new BigDecimal("9999999999.99")))
        .isEqualTo(new BigDecimal("9999999999.99"));
  }

  @Test
  void refusesPricesThatAreNotPositiveHaveMoreThanTwoDecimalsOrAreTooLarge() {
    assertThatThrownBy(() -> Catalogue.chf(BigDecimal.ZERO)).hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> Catalogue.chf(new BigDecimal("-1"))).hasMessageContaining("greater");
    assertThatThrownBy(() -> Catalogue.chf(new BigDecimal("1.005"))).hasMessageContaining("two");
    assertThatThrownBy(() -> Catalogue.chf(new BigDecimal("10000000000")))
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> Catalogue.chf(null)).hasMessageContaining("required");
  }

  @Test
  void skusAreUpperCaseLettersDigitsAndDashes() {
    assertThat(Catalogue.isSku("MUG-1")).isTrue();
    assertThat(Catalogue.isSku("mug-1")).isFalse();
    assertThat(Catalogue.isSku("AB")).isFalse();
    assertThat(Catalogue.isSku("A".repeat(33))).isFalse();
    assertThat(Catalogue.isSku("MUG 1")).isFalse();
  }
}
