-- A job's skills (a JSON array of strings) and description: what candidates for the job are
-- ranked on. Jobs kept before have none (the domain Job reads a record without them the same).
ALTER TABLE jobs ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
ALTER TABLE jobs ADD COLUMN description TEXT NOT NULL DEFAULT '';
