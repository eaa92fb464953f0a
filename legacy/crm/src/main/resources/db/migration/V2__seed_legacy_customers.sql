-- The customers the CRM held before the shop existed: 300 of them, the same on every machine
-- (each value is picked from the lists below by the row number), so that the first CDC snapshot
-- has something to capture. A migration runs once, so deleting them all does not bring them back.
WITH
  first_names(names) AS (VALUES (ARRAY['Anna', 'Luca', 'Sofia', 'Noah', 'Mia', 'Elias', 'Lea',
    'Jonas', 'Emma', 'Leon', 'Lina', 'Paul', 'Clara', 'Felix', 'Nora', 'David', 'Laura', 'Samuel',
    'Julia', 'Tim', 'Sara', 'Marco', 'Elena', 'Ben', 'Chiara', 'Nico', 'Hannah', 'Louis', 'Alina',
    'Matteo', 'Zoe'])),
  last_names(names) AS (VALUES (ARRAY['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber',
    'Schneider', 'Meyer', 'Steiner', 'Fischer', 'Gerber', 'Brunner', 'Baumann', 'Frei', 'Zimmermann',
    'Moser', 'Widmer', 'Wyss', 'Graf', 'Roth', 'Bianchi', 'Rossi', 'Dubois', 'Martin', 'Bernard',
    'Novak', 'Jansen', 'Kowalski', 'Larsen', 'Costa', 'Schwarz', 'Lehmann', 'Koch'])),
  streets(names) AS (VALUES (ARRAY['Bahnhofstrasse', 'Hauptstrasse', 'Dorfstrasse', 'Seestrasse',
    'Kirchweg', 'Schulstrasse', 'Gartenstrasse', 'Rosenweg', 'Bergstrasse', 'Lindenstrasse',
    'Mühleweg', 'Poststrasse'])),
  -- city, postal code, ISO country
  places(cities) AS (VALUES (ARRAY[
    ['Zürich', '8001', 'CH'], ['Bern', '3011', 'CH'], ['Basel', '4051', 'CH'],
    ['Lausanne', '1003', 'CH'], ['Luzern', '6003', 'CH'], ['St. Gallen', '9000', 'CH'],
    ['Winterthur', '8400', 'CH'], ['Genève', '1201', 'CH'], ['München', '80331', 'DE'],
    ['Berlin', '10115', 'DE'], ['Hamburg', '20095', 'DE'], ['Wien', '1010', 'AT'],
    ['Graz', '8010', 'AT'], ['Lyon', '69001', 'FR'], ['Milano', '20121', 'IT'],
    ['Amsterdam', '1011', 'NL']])),
  numbered AS (
    SELECT g AS n,
           (SELECT names[1 + (g * 7) % array_length(names, 1)] FROM first_names) AS first_name,
           (SELECT names[1 + (g * 13) % array_length(names, 1)] FROM last_names) AS last_name,
           (SELECT names[1 + (g * 5) % array_length(names, 1)] FROM streets) AS street,
           (SELECT cities[1 + (g * 3) % array_length(cities, 1)][1] FROM places) AS city,
           (SELECT cities[1 + (g * 3) % array_length(cities, 1)][2] FROM places) AS postal_code,
           (SELECT cities[1 + (g * 3) % array_length(cities, 1)][3] FROM places) AS country
    FROM generate_series(1, 300) AS g),
  customers AS (
    INSERT INTO customer (id, first_name, last_name, email, phone, status, created_at, updated_at)
    SELECT n, first_name, last_name,
           lower(translate(first_name || '.' || last_name, 'üöäéè', 'uoaee')) || '.' || n
             || '@' || (ARRAY['example.com', 'example.org', 'example.net'])[1 + n % 3],
           CASE WHEN n % 4 = 0 THEN NULL
                ELSE '+41 44 ' || lpad((n * 7919 % 10000000)::text, 7, '0') END,
           CASE WHEN n % 17 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
           timestamptz '2009-03-02 09:00:00+00' + n * interval '11 days 3 hours',
           timestamptz '2009-03-02 09:00:00+00' + n * interval '13 days 5 hours'
    FROM numbered
    RETURNING id)
INSERT INTO address (customer_id, street, postal_code, city, country, updated_at)
SELECT customers.id, street || ' ' || (1 + n * 37 % 120), postal_code, city, country,
       timestamptz '2009-03-02 09:00:00+00' + n * interval '13 days 5 hours'
FROM customers JOIN numbered ON numbered.n = customers.id;

-- the ids above were given by hand: new customers continue after them
SELECT setval('customer_id_seq', (SELECT max(id) FROM customer));
