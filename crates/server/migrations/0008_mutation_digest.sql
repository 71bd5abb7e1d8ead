-- The digest of each mutation taken (`talentdesk_domain::mutation::digest`): a push that
-- repeats a sequence number with other content comes from another replica under the same
-- client id (a copy, a restored backup) and is refused instead of answered from the record.
ALTER TABLE mutations ADD COLUMN digest text;
