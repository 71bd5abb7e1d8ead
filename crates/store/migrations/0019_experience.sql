-- Years of experience as a search fact (src/search/facts.rs; the rule is in the domain's
-- search/experience.rs): the months of finished stretches of work, and the month the stretch
-- still going on began (NULL without a current job), so that search can count a current job
-- up to today without any write. Written with every profile; filled for existing candidates
-- by the migration's step.
ALTER TABLE candidates ADD COLUMN experience_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN experience_since INTEGER;

-- The snapshot's log must hear of a change of experience too.
DROP TRIGGER search_facts_after_update;
CREATE TRIGGER search_facts_after_update
AFTER UPDATE OF active, eligible, activity, engagements, profile_type, owner_id, created_at, updated_at, name_key,
    experience_months, experience_since
ON candidates
WHEN EXISTS (SELECT 1 FROM search_facts)
BEGIN
    INSERT INTO search_facts_log (cand) VALUES (new.cand);
END;
