-- Queries over the raw zone: ./eventshop lake sql --file services/lake/examples/raw.sql
-- Each row of a raw table is one record of its topic; _kafka_timestamp is when it was written.

-- the catalogue by category
SELECT category, count(*) AS products, min(price) AS cheapest, max(price) AS dearest
  FROM raw.products GROUP BY category ORDER BY products DESC;

-- validated orders and revenue per day and country
SELECT CAST(_kafka_timestamp AS DATE) AS day, country, count(*) AS orders, sum(total) AS revenue
  FROM raw.orders_enriched WHERE state = 'VALIDATED'
  GROUP BY ALL ORDER BY day, country;

-- how far behind its topic each landed partition of products is, in records and time
SELECT _kafka_partition AS partition, max(_kafka_offset) AS last_offset,
       max(_kafka_timestamp) AS last_record
  FROM raw.products GROUP BY ALL ORDER BY partition;
