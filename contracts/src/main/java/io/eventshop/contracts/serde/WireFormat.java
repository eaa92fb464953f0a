package io.eventshop.contracts.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format every Avro value of the shop is written in: magic byte {@code 0}, the
 * 4-byte big-endian global schema id, then the Avro binary encoding. The one place that knows the
 * header, for our serdes and for the Connect converter.
 */
public final class WireFormat {

  /** First byte of every record in the Confluent wire format. */
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte and schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {
  }

  /** A stream that starts with the header of schema {@code id}; the Avro encoding follows. */
  public static ByteArrayOutputStream startWith(int id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    out.write(MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    return out;
  }

  /**
   * The schema id in the header of {@code data}.
   *
   * @param what  what is being read, for the message (a class name, "a CDC row")
   * @throws SerializationException when {@code data} is too short or does not start with the
   *                                magic byte
   */
  public static int schemaId(String what, String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("cannot read " + what + " from " + topic + ": "
          + data.length + " bytes are shorter than the " + HEADER_SIZE
          + "-byte header of the Confluent wire format");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException("cannot read " + what + " from " + topic
          + ": unknown magic byte " + data[0] + " (the Confluent wire format starts with "
          + MAGIC_BYTE + ")");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
