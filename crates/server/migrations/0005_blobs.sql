-- Documents' bytes, counted: a file is kept while a live document refers to it (or while a
-- fresh upload waits for its document), and removed once neither holds it. Erasure then
-- reaches the bytes, and each org's usage can be limited.

-- One row per org and content while the server keeps its bytes (the file is written after
-- the row, and removed before the row's deletion commits).
CREATE TABLE blobs (
    org_id uuid NOT NULL REFERENCES orgs (id),
    sha256 text NOT NULL,
    size bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- An upload is kept this long for the document that will refer to it; NULL once a
    -- document did.
    held_until timestamptz,
    -- A document referring to it was deleted: whether anything still refers to it is looked
    -- at right after that commits (and by the periodic sweep, should the server stop first).
    released_at timestamptz,
    PRIMARY KEY (org_id, sha256)
);
CREATE INDEX blobs_released ON blobs (org_id) WHERE released_at IS NOT NULL;
CREATE INDEX blobs_held ON blobs (held_until) WHERE held_until IS NOT NULL;

-- Which live documents refer to some content: counted on removal, and checked before serving.
CREATE INDEX records_documents_by_sha256 ON records (org_id, (data ->> 'sha256'))
    WHERE kind = 'document' AND data IS NOT NULL;

-- Bytes stored before this migration that documents refer to.
INSERT INTO blobs (org_id, sha256, size)
SELECT DISTINCT ON (org_id, data ->> 'sha256') org_id, data ->> 'sha256', (data ->> 'size')::bigint
FROM records WHERE kind = 'document' AND data IS NOT NULL;

-- Every write of a document, whatever wrote it, keeps the counting right: a new document
-- claims the upload it refers to (no expiry then); a deleted one (or one pointed at other
-- content) releases its old content, and the servers hear of it at commit.
CREATE FUNCTION blobs_follow_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.data IS NOT NULL
       AND (NEW.data IS NULL OR NEW.data ->> 'sha256' IS DISTINCT FROM OLD.data ->> 'sha256') THEN
        UPDATE blobs SET released_at = now() WHERE org_id = OLD.org_id AND sha256 = OLD.data ->> 'sha256';
        PERFORM pg_notify('talentdesk_blobs_released', OLD.org_id::text);
    END IF;
    IF NEW.data IS NOT NULL THEN
        -- Always touched, so the row is locked until this commits: a removal looking at the
        -- same content waits for this document and then sees it.
        UPDATE blobs SET held_until = NULL
        WHERE org_id = NEW.org_id AND sha256 = NEW.data ->> 'sha256';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER documents_count_blobs AFTER INSERT OR UPDATE OF data ON records
    FOR EACH ROW WHEN (NEW.kind = 'document') EXECUTE FUNCTION blobs_follow_documents();

-- Erasure finds a message's tracking by the message.
CREATE INDEX tracking_by_message ON tracking (org_id, message_id);

-- Erasure looks through rejections (few among the outcomes) for the person's name.
CREATE INDEX mutations_rejected ON mutations (org_id) WHERE outcome ->> 'status' = 'rejected';
