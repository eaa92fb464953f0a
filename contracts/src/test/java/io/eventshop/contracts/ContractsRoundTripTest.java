package io.eventshop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractsRoundTripTest {

  @BeforeAll
  static void trustTheContractClasses() {
    ContractClasses.trustForAvro();
  }

  @Test
  void everyGeneratedRecordReadsBackEqualFromAvroBinary() throws IOException {
    for (SpecificRecord record : SampleRecords.all()) {
      assertThat(roundTrip(record)).as(record.getSchema().getFullName()).isEqualTo(record);
    }
  }

  @Test
  void theSamplesCoverEveryBusinessTopicsValueType() {
    Set<String> sampled = SampleRecords.all().stream()
        .map(record -> record.getSchema().getFullName()).collect(Collectors.toSet());
    assertThat(Topics.business()).allSatisfy(topic ->
        assertThat(sampled).contains(topic.valueSchema().getFullName()));
  }

  @Test
  void moneyKeepsItsScaleAndTimesKeepTheirMilliseconds() throws IOException {
    var placed = SampleRecords.orderPlaced();
    var read = roundTrip(placed);
    assertThat(((io.eventshop.contracts.order.OrderPlaced) read.getPayload()).getTotal())
        .isEqualByComparingTo("25.80").hasScaleOf(2);
    assertThat(read.getOccurredAt()).isEqualTo(SampleRecords.NOW);
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
    encoder.flush();
    SpecificDatumReader<T> reader = new SpecificDatumReader<>((Class<T>) record.getClass());
    return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
