-- The organisations' sign-up pages (/join/{slug}): each org gets a slug, the part of the
-- page's address that names it, made from its name ("Acme Corp." -> "acme-corp"); a name whose
-- slug is taken gets a number ("acme-corp-2"). Existing orgs get theirs here, new ones when they
-- are inserted, so whatever creates an org never has to think of it.
CREATE FUNCTION talentdesk_org_slug(name text, id uuid) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    base text := trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'));
    candidate text;
    n integer := 1;
BEGIN
    IF base = '' THEN
        base := 'org';
    END IF;
    base := left(base, 60);
    candidate := base;
    WHILE EXISTS (SELECT 1 FROM orgs o WHERE o.slug = candidate AND o.id <> talentdesk_org_slug.id) LOOP
        n := n + 1;
        candidate := base || '-' || n;
    END LOOP;
    RETURN candidate;
END;
$$;

ALTER TABLE orgs ADD COLUMN slug text;
UPDATE orgs SET slug = talentdesk_org_slug(name, id) WHERE slug IS NULL;
ALTER TABLE orgs ALTER COLUMN slug SET NOT NULL;
ALTER TABLE orgs ADD CONSTRAINT orgs_slug_key UNIQUE (slug);

CREATE FUNCTION talentdesk_fill_org_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.slug IS NULL THEN
        NEW.slug := talentdesk_org_slug(NEW.name, NEW.id);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER orgs_fill_slug BEFORE INSERT ON orgs FOR EACH ROW EXECUTE FUNCTION talentdesk_fill_org_slug();

-- Sign-ups counted per key (a client address, a digest of an email address) in fixed windows,
-- in the database so every server process counts the same ones.
CREATE TABLE signup_limits (
    key text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    count integer NOT NULL
);

-- A sign-up looks for the candidate its address belongs to: without this, a scan of every
-- candidate of the org per form sent.
CREATE INDEX records_candidate_email ON records (org_id, lower(data #>> '{candidate,profile,email}'))
    WHERE kind = 'candidate' AND data IS NOT NULL;
