-- Search filters and sorts run in memory over per-candidate facts (src/search/facts.rs), so no
-- query reads these indexes any more. Each one still cost time on every candidate write and
-- about a second per index at a million candidates in a bulk load.
DROP INDEX candidates_updated;
DROP INDEX candidates_name;
DROP INDEX candidates_activity;
DROP INDEX candidates_created;
DROP INDEX candidates_owner;
