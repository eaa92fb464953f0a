package io.eventshop.connect.avro;

import java.math.BigDecimal;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect schemas and values as Debezium's PostgreSQL connector builds them for a table
 * {@code public.customer} under the topic prefix {@code crm}: the row (what the
 * ExtractNewRecordState SMT leaves), its key, and the un-flattened change event envelope.
 */
final class DebeziumLikeSchemas {

  static final String TOPIC = "crm.public.customer";

  static final Schema MICRO_TIMESTAMP = SchemaBuilder.int64()
      .name("io.debezium.time.MicroTimestamp").version(1).optional().build();

  static final Schema STATUS = SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
      .parameter("allowed", "active,blocked").optional().build();

  static final Schema CREDIT_LIMIT = Decimal.builder(2)
      .parameter("connect.decimal.precision", "12").optional().build();

  /** Debezium's {@code after}: optional, since a delete has none. */
  static final Schema ROW = SchemaBuilder.struct().name("crm.public.customer.Value")
      .field("id", Schema.INT64_SCHEMA)
      .field("name", Schema.STRING_SCHEMA)
      .field("email", Schema.OPTIONAL_STRING_SCHEMA)
      .field("status", STATUS)
      .field("credit_limit", CREDIT_LIMIT)
      .field("birthday", Date.builder().optional().build())
      .field("created_at", MICRO_TIMESTAMP)
      .field("__deleted", Schema.OPTIONAL_STRING_SCHEMA)
      .optional()
      .build();

  static final Schema KEY = SchemaBuilder.struct().name("crm.public.customer.Key")
      .field("id", Schema.INT64_SCHEMA)
      .build();

  static final Schema SOURCE = SchemaBuilder.struct()
      .name("io.debezium.connector.postgresql.Source")
      .field("version", Schema.STRING_SCHEMA)
      .field("connector", Schema.STRING_SCHEMA)
      .field("name", Schema.STRING_SCHEMA)
      .field("ts_ms", Schema.INT64_SCHEMA)
      .field("snapshot", SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
          .parameter("allowed", "true,last,false,incremental").defaultValue("false").optional()
          .build())
      .field("db", Schema.STRING_SCHEMA)
      .field("schema", Schema.STRING_SCHEMA)
      .field("table", Schema.STRING_SCHEMA)
      .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
      .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
      .build();

  static final Schema ENVELOPE = SchemaBuilder.struct().name("crm.public.customer.Envelope")
      .version(2)
      .field("before", ROW)
      .field("after", ROW)
      .field("source", SOURCE)
      .field("op", Schema.STRING_SCHEMA)
      .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
      .build();

  private DebeziumLikeSchemas() {
  }

  static Struct row(long id) {
    return new Struct(ROW)
        .put("id", id)
        .put("name", "Ada Lovelace")
        .put("email", "ada@example.com")
        .put("status", "active")
        .put("credit_limit", new BigDecimal("1500.00"))
        .put("birthday", new java.util.Date(-4_273L * 86_400_000L))
        .put("created_at", 1_764_590_400_123_456L)
        .put("__deleted", "false");
  }

  static Struct key(long id) {
    return new Struct(KEY).put("id", id);
  }

  static Struct update(long id) {
    Struct before = row(id).put("email", null);
    return new Struct(ENVELOPE)
        .put("before", before)
        .put("after", row(id))
        .put("source", new Struct(SOURCE)
            .put("version", "3.6.1.Final")
            .put("connector", "postgresql")
            .put("name", "crm")
            .put("ts_ms", 1_764_590_400_000L)
            .put("snapshot", "false")
            .put("db", "crm")
            .put("schema", "public")
            .put("table", "customer")
            .put("txId", 771L)
            .put("lsn", 24_023_128L))
        .put("op", "u")
        .put("ts_ms", 1_764_590_400_321L);
  }
}
