-- An archived pipeline leaves the pickers and the list; its members and history stay.
ALTER TABLE pipelines ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
