-- Who may see a customer (branch, relationship manager) and what staff search
-- by (name prefix, customer number prefix, mobile and ID last four), as
-- generated columns with indexes: scope and search are SQL, never a scan in
-- the application. "C" collation: byte order, so a prefix is an index range.
ALTER TABLE records ADD COLUMN branch_id text GENERATED ALWAYS AS (body ->> 'branchId') STORED;
ALTER TABLE records ADD COLUMN rm_id text GENERATED ALWAYS AS (body ->> 'relationshipManagerId') STORED;
ALTER TABLE records ADD COLUMN name text COLLATE "C" GENERATED ALWAYS AS (body ->> 'name') STORED;
ALTER TABLE records ADD COLUMN mobile text GENERATED ALWAYS AS (body -> 'contact' ->> 'mobile') STORED;
ALTER TABLE records ADD COLUMN mobile_last4 text GENERATED ALWAYS AS (right(body -> 'contact' ->> 'mobile', 4)) STORED;
ALTER TABLE records ADD COLUMN id_last4 text GENERATED ALWAYS AS (right(coalesce(body -> 'idDocument' ->> 'number', body ->> 'uscc'), 4)) STORED;
CREATE INDEX records_id_c ON records (collection, (id COLLATE "C"));
CREATE INDEX records_customer_branch ON records (branch_id, (id COLLATE "C")) WHERE collection = 'customers';
CREATE INDEX records_customer_rm ON records (rm_id, (id COLLATE "C")) WHERE collection = 'customers';
CREATE INDEX records_customer_name ON records (name) WHERE collection = 'customers';
CREATE INDEX records_customer_mobile4 ON records (mobile_last4) WHERE collection = 'customers';
CREATE INDEX records_customer_id4 ON records (id_last4) WHERE collection = 'customers';
