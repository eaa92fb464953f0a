-- Customers placing more than two orders within 30 seconds: a persistent query writing the topic
-- sql-frequent-buyers (Avro, its schema registered under sql-frequent-buyers-value).
-- Run: ./eventshop sql --file services/sql/examples/fraud.sql
SET 'auto.offset.reset'='earliest';
CREATE STREAM IF NOT EXISTS orders_s WITH (kafka_topic='orders', value_format='AVRO');
CREATE TABLE frequent_buyers WITH (kafka_topic='sql-frequent-buyers') AS
  SELECT customerId, COUNT(*) AS orders, WINDOWSTART AS windowStart, WINDOWEND AS windowEnd
  FROM orders_s
  WHERE payload->OrderPlaced IS NOT NULL
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY customerId
  HAVING COUNT(*) > 2
  EMIT CHANGES;
SHOW QUERIES;
-- a window's row comes once the window has closed (its end plus the watermark delay)
SELECT * FROM frequent_buyers EMIT CHANGES LIMIT 1;
