-- The change feed: every committed write to `records` gets a sequence number,
-- contiguous and in an order no reader can overtake.
--
-- A trigger notes each insert or update in `change_log` with the writing
-- transaction's id (xid8) and the scope-bearing fields the record had before
-- (`was`: its customer, branch, relationship manager, owners, members), so a
-- reader who loses sight of a record hears that it left. Numbers are given
-- later, by a publisher (src/feed.ts), only to rows whose transaction is older
-- than every transaction still running (xid < pg_snapshot_xmin): those are
-- final, committed or rolled back, so no row can later appear under a number a
-- reader has passed. Publishers take `change_feed`'s one row FOR UPDATE, so they
-- number one after another from its `head`; `floor` is the last number pruned.
--
-- The trigger also notifies the schema's channel (change_channel()): at commit,
-- every server process on this database hears it and publishes, then reads on.
-- A seeding that must not fill the feed sets `bankcrm.quiet` to 'on' locally.
CREATE TABLE change_log (
  id bigserial PRIMARY KEY,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint UNIQUE,
  collection text NOT NULL,
  record_id text NOT NULL,
  was jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_pending ON change_log (id) WHERE seq IS NULL;
CREATE INDEX change_log_at ON change_log (at) WHERE seq IS NOT NULL;
CREATE TABLE change_feed (
  id integer PRIMARY KEY CHECK (id = 1),
  head bigint NOT NULL,
  floor bigint NOT NULL
);
INSERT INTO change_feed (id, head, floor) VALUES (1, 0, 0);
CREATE FUNCTION change_channel() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'bankcrm_changes_' || substr(md5(current_schema()), 1, 16)
$$;
CREATE FUNCTION records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('bankcrm.quiet', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO change_log (collection, record_id, was) VALUES (
    NEW.collection,
    NEW.id,
    CASE WHEN TG_OP = 'UPDATE' THEN jsonb_strip_nulls(jsonb_build_object(
      'customerId', OLD.body -> 'customerId',
      'branchId', OLD.body -> 'branchId',
      'relationshipManagerId', OLD.body -> 'relationshipManagerId',
      'assignedTo', OLD.body -> 'assignedTo',
      'assigneeId', OLD.body -> 'assigneeId',
      'ownerId', OLD.body -> 'ownerId',
      'createdBy', OLD.body -> 'createdBy',
      'members', OLD.body -> 'members',
      'confidential', OLD.body -> 'confidential'
    )) END
  );
  PERFORM pg_notify(change_channel(), '');
  RETURN NULL;
END
$$;
CREATE TRIGGER records_change AFTER INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION records_changed();
