-- Placeholder for issue 18; filled in by the helper that owns it.
SELECT 1;
