-- The audit trail of access to personal data: append-only (a trigger refuses
-- UPDATE, DELETE and TRUNCATE) and tamper-evident (each row carries the hash of
-- the row before it; `verify-audit` recomputes the chain). A row says who did
-- what to which customer's field, when and why — never the value.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  customer_id text,
  field text,
  reason text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_customer ON audit_log (customer_id, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
