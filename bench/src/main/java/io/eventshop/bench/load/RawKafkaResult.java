package io.eventshop.bench.load;

/**
 * The same broker's own limit, measured with Kafka's tools in the same run.
 *
 * @param producer   {@code ProducerPerformance}: throughput of an idempotent acks=all producer
 * @param endToEnd   {@code EndToEndLatency}: one record at a time, produce then consume
 */
public record RawKafkaResult(ProducerPerformanceReport producer, EndToEndLatencyReport endToEnd,
                             ProcessUsage producerProcess, ProcessUsage endToEndProcess) {
}
