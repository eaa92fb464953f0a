package io.eventshop.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void aDeadLetterKeepsKeyValueAndHeadersAndNamesTheErrorAndTheSourcePosition() {
    ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("orders", 4, 1234L,
        bytes("order-1"), new byte[] {0, 0, 0, 0, 42, 1});
    poison.headers().add("trace", bytes("abc"));
    SerializationException error = new SerializationException("unknown schema id 42",
        new IllegalStateException("registry said 404"));

    ProducerRecord<byte[], byte[]> deadLetter = DeadLetters.deadLetterOf(poison, error);

    assertThat(deadLetter.topic()).isEqualTo("orders.dlq");
    assertThat(deadLetter.key()).isEqualTo(poison.key());
    assertThat(deadLetter.value()).isEqualTo(poison.value());
    Headers headers = deadLetter.headers();
    assertThat(text(headers, "trace")).isEqualTo("abc");
    assertThat(text(headers, DeadLetters.ERROR_CLASS))
        .isEqualTo(SerializationException.class.getName());
    assertThat(text(headers, DeadLetters.ERROR_MESSAGE))
        .contains("unknown schema id 42").contains("registry said 404");
    assertThat(text(headers, DeadLetters.SOURCE_TOPIC)).isEqualTo("orders");
    assertThat(text(headers, DeadLetters.SOURCE_PARTITION)).isEqualTo("4");
    assertThat(text(headers, DeadLetters.SOURCE_OFFSET)).isEqualTo("1234");
  }

  @Test
  void theSourceRecordIsNotChangedByTheDeadLetterHeaders() {
    ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("orders", 0, 1L, null, null);

    DeadLetters.deadLetterOf(poison, new RuntimeException("bad"));

    assertThat(poison.headers().toArray()).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  @Test
  void anUnreachableRegistryIsNotAReasonToDeadLetterARecord() {
    SchemaRegistryException down = new SchemaRegistryException("registry unreachable",
        new java.net.ConnectException("refused"));
    ConsumerRecord<byte[], byte[]> fine = new ConsumerRecord<>("orders", 0, 1L, null, new byte[8]);

    var response = new DeadLetterDeserializationHandler().handleError(null, fine,
        new SerializationException("cannot read", down));

    assertThat(response.result().name()).isEqualTo("FAIL");
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void anUnknownSchemaIdIsDeadLettered() {
    SchemaRegistryException unknown = new SchemaRegistryException(404, 40403, "Schema not found");
    ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("orders", 0, 1L, null, new byte[8]);

    var response = new DeadLetterDeserializationHandler().handleError(null, poison,
        new SerializationException("unknown schema id", unknown));

    assertThat(response.result().name()).isEqualTo("RESUME");
    assertThat(response.deadLetterQueueRecords()).singleElement()
        .satisfies(record -> assertThat(record.topic()).isEqualTo("orders.dlq"));
  }
}
