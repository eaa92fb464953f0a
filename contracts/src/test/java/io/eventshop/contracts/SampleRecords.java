package io.eventshop.contracts;

import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import io.eventshop.contracts.analytics.ProductConversions;
import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.analytics.SensorAlert;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.analytics.TrendingProducts;
import io.eventshop.contracts.analytics.VisitorSession;
import io.eventshop.contracts.analytics.ZoneReadings;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerAddressChanged;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.customer.CustomerRegistered;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.customer.CustomerUpdated;
import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.contracts.customer.Origin;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.stock.GoodsReceived;
import io.eventshop.contracts.stock.ReservedLine;
import io.eventshop.contracts.stock.StockEvent;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.contracts.stock.StockReleased;
import io.eventshop.contracts.stock.StockReservation;
import io.eventshop.contracts.stock.StockReserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in record of every value type and every union branch, for tests. */
public final class SampleRecords {

  public static final Instant NOW = Instant.parse("2026-11-25T20:00:00.123Z");
  public static final Address ADDRESS = new Address("Bahnhofstrasse 1", "8001", "Zürich", "CH");

  private SampleRecords() {
  }

  public static Product product() {
    return new Product("SKU-1", "Espresso cup", "Porcelain, 80 ml", "kitchen",
        new BigDecimal("12.90"), NOW);
  }

  public static OrderEvent orderPlaced() {
    return new OrderEvent("order-1", "customer-1", NOW, new OrderPlaced(
        List.of(new OrderLine("SKU-1", 2, new BigDecimal("12.90"))), new BigDecimal("25.80"),
        "key-1"));
  }

  public static List<SpecificRecord> all() {
    return List.of(
        product(),
        new Customer("customer-1", "Ada", "ada@example.ch", ADDRESS, new BigDecimal("1000.00"),
            CustomerStatus.ACTIVE, NOW, NOW, new Origin("legacy-crm", "42")),
        new CustomerEvent("customer-1", NOW,
            new CustomerRegistered("Ada", "ada@example.ch", ADDRESS, new BigDecimal("1000.00"),
                null)),
        new CustomerEvent("customer-1", NOW, new CustomerUpdated("Ada L.", "ada@example.ch",
            new BigDecimal("500.00"), CustomerStatus.BLOCKED)),
        new CustomerEvent("customer-1", NOW, new CustomerAddressChanged(ADDRESS)),
        new LegacyCustomer("42", "Ada", "Lovelace", "ada@example.ch", null, "ACTIVE", false,
            new LegacyAddress("Bahnhofstrasse 1", "8001", "Zürich", "CH")),
        new StockLevel("SKU-1", 10L, 2L),
        new StockEvent("SKU-1", NOW, new GoodsReceived(10L)),
        new StockEvent("SKU-1", NOW, new StockReserved("order-1", 2L)),
        new StockEvent("SKU-1", NOW, new StockReleased("order-1", 2L, "OrderCancelled")),
        new StockReservation("order-1", List.of(new ReservedLine("SKU-1", 2L))),
        orderPlaced(),
        new OrderEvent("order-1", "customer-1", NOW, new OrderValidated()),
        new OrderEvent("order-1", "customer-1", NOW,
            new OrderRejected(List.of(RejectionReason.OUT_OF_STOCK, RejectionReason.TIMEOUT))),
        new OrderEvent("order-1", "customer-1", NOW, new OrderCancelled()),
        new OrderValidation("order-1", "customer-1", Validator.FRAUD, false,
            List.of(RejectionReason.FRAUD_SUSPECTED), "5 orders in 1 minute", NOW),
        new OrderValidation("order-1", "customer-1", Validator.STOCK, true, List.of(), null, NOW),
        new EnrichedOrder("order-1", "customer-1", "Ada", "CH", new BigDecimal("25.80"), NOW,
            "gold", EnrichedOrderState.VALIDATED, List.of(new EnrichedOrderLine("SKU-1", 2,
                new BigDecimal("12.90"), "Espresso cup", "kitchen"))),
        new ClickEvent("visitor-1", ClickAction.ADD_TO_CART, "SKU-1", NOW, null, "#/shop", 2,
            null),
        new ClickEvent("visitor-1", ClickAction.CHECKOUT, null, NOW, "order-1", "#/cart", null,
            null),
        new SensorReading("sensor-1", "temperature", 4.5, "°C", NOW, "cold-room"),
        new ProductViewCount("SKU-1", NOW, NOW.plusSeconds(60), 42L),
        new TrendingProducts(NOW, NOW.plusSeconds(600),
            List.of(new ProductViewCount("SKU-1", NOW, NOW.plusSeconds(600), 42L))),
        new VisitorSession("visitor-1", NOW, NOW.plusSeconds(300), 17L, 9L, 2L, true),
        new ProductConversions("SKU-1", NOW, NOW.plusSeconds(3600), 3L),
        new CategoryActivity("kitchen", NOW, NOW.plusSeconds(60), 12L, 2L,
            new BigDecimal("25.80")),
        new ZoneReadings("cold-room", "temperature", "°C", NOW, NOW.plusSeconds(60), 3L, 4.0,
            6.0, 15.0, 5.0),
        new SensorAlert("cold-room", "temperature", "°C", 2.0, 8.0, List.of(9.1, 9.4, 9.8), NOW,
            NOW.plusSeconds(20)),
        new CountryCategoryRevenue("CH", "kitchen", NOW, NOW.plusSeconds(60),
            new BigDecimal("25.80"), 1L));
  }
}
