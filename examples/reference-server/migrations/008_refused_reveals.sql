-- Refused reveals are audited too: a `reveal_denied` row carries why it was
-- refused (`refusal`: invalid_field, no_reason, role, not_found, flood) in the
-- same hash chain. Each principal's refusals are counted an hour at a time, so
-- a flood of them is known in full while the log takes a bounded number of rows.
ALTER TABLE audit_log ADD COLUMN refusal text;
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE TABLE audit_refusals (
  actor_id text NOT NULL,
  hour timestamptz NOT NULL,
  refused integer NOT NULL,
  PRIMARY KEY (actor_id, hour)
);
