-- The insights charts' values that live in a candidate's details JSON (skills, and the
-- schools, degrees and majors of their education; src/tables/insight_values.rs), each list
-- joined by the unit separator, so that loading the charts' in-memory codes for a million
-- candidates reads short text instead of parsing every details JSON. Written with the
-- candidate's row and gone with it by cascade (an erasure leaves nothing here). The values
-- kept in `candidates` itself (country, city, current employer and title) are read there.
-- (IF NOT EXISTS: a file set back to an older version by hand, as tests do, keeps the table.)
CREATE TABLE IF NOT EXISTS insight_values (
    cand INTEGER PRIMARY KEY REFERENCES candidates (cand) ON DELETE CASCADE,
    skills TEXT NOT NULL,
    schools TEXT NOT NULL,
    degrees TEXT NOT NULL,
    majors TEXT NOT NULL
);

INSERT OR REPLACE INTO insight_values (cand, skills, schools, degrees, majors)
SELECT
    cand,
    ifnull((SELECT group_concat(value, char(31)) FROM json_each(details, '$.skills')), ''),
    ifnull((SELECT group_concat(json_extract(value, '$.school'), char(31)) FROM json_each(details, '$.education')), ''),
    ifnull((SELECT group_concat(json_extract(value, '$.degree'), char(31)) FROM json_each(details, '$.education')), ''),
    ifnull((SELECT group_concat(json_extract(value, '$.major'), char(31)) FROM json_each(details, '$.education')), '')
FROM candidate_details;
