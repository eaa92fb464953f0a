package io.eventshop.customer.legacy;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins the CRM's two captured tables into one record per legacy customer: a table-table left
 * join of the customer rows with the address rows, both keyed by the CRM's customer id (the
 * connector keys address rows by their {@code customer_id}, so that both sides of a customer meet
 * in one partition). Every change of either row gives the customer as the CRM holds it now, on
 * {@code legacy-customers}.
 *
 * <p>Why a join here and not in the mapping: the CRM writes a new customer and its address in one
 * transaction, which Debezium delivers as two records on two topics in either order. The tables
 * remember both sides, in fault-tolerant stores, so the mapping always sees the whole customer.
 */
public final class CrmJoin {

  static final String CUSTOMER_ROWS_STORE = "crm-customer-rows";
  static final String ADDRESS_ROWS_STORE = "crm-address-rows";

  private CrmJoin() {
  }

  /**
   * Adds the join to {@code builder}.
   *
   * @param rows      reads the captured rows (Avro with the CRM's own schemas)
   * @param customers the serde of {@code legacy-customers}
   * @param addresses the serde of the address rows' store
   */
  public static void addTo(StreamsBuilder builder, Serde<GenericRecord> rows,
                           Serde<LegacyCustomer> customers, Serde<LegacyAddress> addresses) {
    Serde<String> keys = Serdes.String();
    KTable<String, LegacyCustomer> customerRows = builder
        .stream(Topics.CRM_CUSTOMER.name(), Consumed.with(keys, rows)
            .withName("crm-customer-changes"))
        .mapValues(CrmRows::customer, Named.as("read-crm-customer-row"))
        .toTable(Named.as("crm-customer-table"),
            Materialized.<String, LegacyCustomer, KeyValueStore<Bytes, byte[]>>as(
                    CUSTOMER_ROWS_STORE)
                .withKeySerde(keys).withValueSerde(customers));
    KTable<String, LegacyAddress> addressRows = builder
        .stream(Topics.CRM_ADDRESS.name(), Consumed.with(keys, rows)
            .withName("crm-address-changes"))
        .mapValues((legacyId, row) -> CrmRows.address(row), Named.as("read-crm-address-row"))
        .toTable(Named.as("crm-address-table"),
            Materialized.<String, LegacyAddress, KeyValueStore<Bytes, byte[]>>as(
                    ADDRESS_ROWS_STORE)
                .withKeySerde(keys).withValueSerde(addresses));
    customerRows
        .leftJoin(addressRows, CrmJoin::withAddress, Named.as("customer-with-address"))
        .toStream(Named.as("legacy-customer-changes"))
        .to(Topics.LEGACY_CUSTOMERS.name(), Produced.with(keys, customers)
            .withName("legacy-customers"));
  }

  private static LegacyCustomer withAddress(LegacyCustomer customer, LegacyAddress address) {
    return LegacyCustomer.newBuilder(customer).setAddress(address).build();
  }
}
