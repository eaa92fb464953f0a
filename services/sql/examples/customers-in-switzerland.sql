-- The talk's example over the shop's customer topic: our country codes are ISO, so 'CH'.
-- Run: ./eventshop sql --file services/sql/examples/customers-in-switzerland.sql
SET 'auto.offset.reset'='earliest';
CREATE STREAM IF NOT EXISTS customer_s WITH (kafka_topic='customers', value_format='AVRO');
SELECT id, name, address->city AS city, address->country AS country
  FROM customer_s
  WHERE address->country = 'CH'
  EMIT CHANGES LIMIT 3;
