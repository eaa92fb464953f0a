package io.eventshop.gateway.clicks;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a visitor's clicks to {@code clickstream}, keyed by visitor id so that one visitor's
 * clicks stay in order on one partition. An idempotent producer with {@code acks=all}: a 202 means
 * the clicks are in Kafka. The producer is made on the first batch, so a gateway that never sees
 * a click never connects for it.
 */
public class ClickWriter implements AutoCloseable {

  private final KafkaClients clients;
  private final ValueSerdes serdes;
  private volatile Producer<String, ClickEvent> producer;

  public ClickWriter(KafkaClients clients, ValueSerdes serdes) {
    this.clients = clients;
    this.serdes = serdes;
  }

  /** Completes once Kafka has every click; fails if one could not be written. */
  public Mono<Void> write(String visitorId, List<ClickEvent> clicks) {
    // send() may block on metadata or a full buffer: not on an event-loop thread.
    return Mono.fromCallable(() -> {
      Producer<String, ClickEvent> out = producer();
      CompletableFuture<?>[] acks = clicks.stream().map(click -> {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        out.send(new ProducerRecord<>(Topics.CLICKSTREAM.name(), null,
            click.getOccurredAt().toEpochMilli(), visitorId, click), (metadata, error) -> {
              if (error == null) {
                ack.complete(null);
              } else {
                ack.completeExceptionally(error);
              }
            });
        return ack;
      }).toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(acks);
    }).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture);
  }

  private Producer<String, ClickEvent> producer() {
    Producer<String, ClickEvent> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          producer = new KafkaProducer<>(clients.producer("clicks"), new StringSerializer(),
              serdes.of(ClickEvent.class).serializer());
        }
        current = producer;
      }
    }
    return current;
  }

  @Override
  public void close() {
    Producer<String, ClickEvent> current = producer;
    if (current != null) {
      current.close();
    }
  }
}
