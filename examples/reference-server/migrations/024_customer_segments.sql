-- The segment table for a bank's scale (src/segment-snapshot.ts; SEGMENTS=snapshot): the customer
-- view of 004–006 computed once a night into `customer_segments` (built beside the old one, indexed,
-- then swapped in), so a segment's count over ten million customers reads one narrow row each instead
-- of aggregating every customer's holdings and transactions per query. What must never be a night old
-- stays live: a customer's own record — consents, status, tier, branch and relationship manager —
-- follows every write through the triggers below (the customer's row computed again), and a customer
-- erased leaves it at once. Holdings' balances and transaction activity are as of the last refresh,
-- as in the bank's warehouse (T+1). Without a refresh the table is not there and the triggers do nothing.
CREATE TABLE IF NOT EXISTS segment_snapshot (
  id integer PRIMARY KEY CHECK (id = 1),
  refreshed_at timestamptz NOT NULL,
  customers bigint NOT NULL,
  seconds double precision NOT NULL
);
CREATE FUNCTION customer_segments_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('customer_segments') IS NULL THEN
    RETURN NULL;
  END IF;
  -- Dynamic: the refresh swaps the table, and a plan cached for the old one would point at nothing.
  EXECUTE 'DELETE FROM customer_segments WHERE id IN (SELECT id FROM changed_rows WHERE collection = ''customers'')';
  IF TG_OP <> 'DELETE' THEN
    EXECUTE 'INSERT INTO customer_segments SELECT * FROM customer_segment_view WHERE id IN '
      || '(SELECT id FROM changed_rows WHERE collection = ''customers'')';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_segments_insert AFTER INSERT ON records REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_follow();
CREATE TRIGGER customer_segments_update AFTER UPDATE ON records REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_follow();
CREATE TRIGGER customer_segments_delete AFTER DELETE ON records REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_segments_follow();
