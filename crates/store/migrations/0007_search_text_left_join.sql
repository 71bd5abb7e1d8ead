-- The keyword index's text again (0001), with candidate_details joined by LEFT JOIN. Every
-- candidate has their details row, so what the view holds is unchanged; but a query that
-- reads only names and emails (the name index's bulk build) no longer visits the details at
-- all: SQLite drops a LEFT JOIN on a unique key whose columns go unused, and the details are
-- most of the database.
DROP VIEW candidate_search_text;
CREATE VIEW candidate_search_text AS
SELECT c.cand AS cand,
       c.first_name || ' ' || c.last_name AS name,
       coalesce(c.email, '') AS email,
       c.current_title || ' ' || d.experience_text AS title,
       c.current_employer AS employer,
       c.city || ' ' || c.region || ' ' || c.country AS location,
       d.skills_text AS skills,
       d.education_text AS education,
       coalesce(d.resume_text, '') AS resume
FROM candidates c LEFT JOIN candidate_details d ON d.cand = c.cand;
