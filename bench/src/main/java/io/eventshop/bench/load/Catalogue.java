package io.eventshop.bench.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark seeded: its own products (unique SKUs per run, so the stock check counts
 * only its own orders) with their prices, the units received of each, and its customers. The
 * pipeline phase writes orders as the order service would, so it needs the prices too.
 */
record Catalogue(List<String> skus, Map<String, BigDecimal> priceBySku,
                 Map<String, Long> receivedBySku, List<String> customerIds) {
}
