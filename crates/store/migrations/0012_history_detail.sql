-- History lists every change to a candidate, not only profile edits: tags, notes, pipelines,
-- applications, statuses, documents and messages. Such an entry keeps what happened as data
-- (JSON, the domain's HistoryDetail) beside its summary in words.
ALTER TABLE history ADD COLUMN detail TEXT;
