-- A name search within the caller's scope (a branch, an RM's book) reads only that scope's
-- matches: with the name alone indexed, the planner read every customer of the bank whose name
-- starts so — a common surname (王, 李) is one in fourteen — and dropped the other branches'
-- afterwards (BENCH_ONLY=scale: p50 414 ms at 100,000 customers, 50 searches in flight).
CREATE INDEX IF NOT EXISTS records_customer_branch_name ON records (branch_id, name) WHERE collection = 'customers';
CREATE INDEX IF NOT EXISTS records_customer_rm_name ON records (rm_id, name) WHERE collection = 'customers';
