package io.eventshop.search.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a search looks for; each is an index of its own. */
public enum DocumentType {
  PRODUCT(ProductDocument.class),
  /** Admin-only: never part of the shop's own searches. */
  CUSTOMER(CustomerDocument.class),
  ORDER(OrderDocument.class);

  private final Class<?> documentClass;

  DocumentType(Class<?> documentClass) {
    this.documentClass = documentClass;
  }

  public Class<?> documentClass() {
    return documentClass;
  }

  /** The name in the API ({@code product}). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name} in the API; {@link InvalidQuery} for {@code type} otherwise. */
  public static DocumentType fromApiName(String name) {
    return Arrays.stream(values()).filter(type -> type.apiName().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidQuery("type", "must be one of " + Arrays.stream(values())
            .map(DocumentType::apiName).collect(Collectors.joining(", "))));
  }
}
