-- Desktop updates an admin published (`talentdesk-server admin updater-publish`): one package
-- per platform and version with its minisign signature, kept in the database so every server
-- process behind a load balancer serves the same ones and a backup carries them.
CREATE TABLE IF NOT EXISTS desktop_updates (
    platform TEXT NOT NULL,
    version TEXT NOT NULL,
    notes TEXT NOT NULL,
    file_name TEXT NOT NULL,
    signature TEXT NOT NULL,
    package BYTEA NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (platform, version)
);
