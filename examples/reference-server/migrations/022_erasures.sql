-- A person's request to delete their data, as fulfilled (src/erasure.ts): the plan core's
-- retention table made — which record of which collection was erased, anonymised or
-- restricted, and the holds that keep the restricted ones, with until when. Record ids and
-- reasons only, no personal data: the person's answer is made from it again whenever they
-- ask (GET /me/erasure), and a regulator sees what was done. Kept with the audit chain's row.
CREATE TABLE IF NOT EXISTS erasures (
  id bigserial PRIMARY KEY,
  customer_id text NOT NULL,
  at text NOT NULL,
  actor_id text NOT NULL,
  plan jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS erasures_customer ON erasures (customer_id, id);
