-- Every record as a JSON document, with the columns the queries need, and the
-- answers of idempotent POSTs. (IF NOT EXISTS: directories made before
-- migrations already have these tables.)
CREATE TABLE IF NOT EXISTS records (
  collection text NOT NULL,
  id text NOT NULL,
  customer_id text,
  natural_key text,
  tkey text COLLATE "C",
  created_at text COLLATE "C",
  body jsonb NOT NULL,
  etag text NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS records_customer ON records (collection, customer_id);
CREATE INDEX IF NOT EXISTS records_timeline ON records (customer_id, tkey);
CREATE INDEX IF NOT EXISTS records_natural ON records (natural_key) WHERE collection = 'customers';
CREATE TABLE IF NOT EXISTS idempotency (
  key text PRIMARY KEY,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL
);
