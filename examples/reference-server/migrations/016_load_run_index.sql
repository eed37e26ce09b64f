-- A load's quality report (src/loader/quality.ts) reads the records its run wrote:
-- found by the run, not by scanning every identity of the bank. A daily delta of fifty
-- thousand rows against a book of twenty million identities then reads fifty thousand.
CREATE INDEX IF NOT EXISTS source_identities_run ON source_identities (load_run);
