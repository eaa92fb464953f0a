-- The CRM's own schema, as it has looked since the application was written: one row per customer
-- and one current postal address per customer. Change data capture reads these tables as they
-- are; the application is never changed for it.
CREATE TABLE customer (
  id          bigserial    PRIMARY KEY,
  first_name  varchar(100) NOT NULL,
  last_name   varchar(100) NOT NULL,
  email       varchar(254) NOT NULL UNIQUE,
  phone       varchar(40),
  status      varchar(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  created_at  timestamptz  NOT NULL DEFAULT now(),
  updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE address (
  id           bigserial    PRIMARY KEY,
  customer_id  bigint       NOT NULL UNIQUE REFERENCES customer (id) ON DELETE CASCADE,
  street       varchar(200) NOT NULL,
  postal_code  varchar(20)  NOT NULL,
  city         varchar(100) NOT NULL,
  country      char(2)      NOT NULL,
  updated_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX customer_last_name ON customer (lower(last_name));
