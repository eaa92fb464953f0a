package io.eventshop.bench.load;

import java.util.List;
import java.util.Map;

/**
 * What the benchmark seeded: its own products (unique SKUs per run, so the stock check counts
 * only its own orders), the units received of each, and its customers.
 */
record Catalogue(List<String> skus, Map<String, Long> receivedBySku, List<String> customerIds) {
}
