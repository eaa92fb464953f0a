-- Orders enriched with their customer: the stream of orders joined with the table of customers
-- (the compacted topic customers, keyed by customer id).
-- Run: ./eventshop sql --file services/sql/examples/enriched-orders.sql
SET 'auto.offset.reset'='earliest';
CREATE STREAM IF NOT EXISTS orders_s WITH (kafka_topic='orders', value_format='AVRO');
CREATE TABLE IF NOT EXISTS customers_t WITH (kafka_topic='customers', value_format='AVRO');
SELECT o.orderId, o.customerId, c.name, c.address->country AS country,
       o.payload->OrderPlaced->total AS total
  FROM orders_s o
  JOIN customers_t c ON o.customerId = c.ROWKEY
  WHERE o.payload->OrderPlaced IS NOT NULL
  EMIT CHANGES LIMIT 5;
