-- 0032 (Sqlite): nothing to change. SQLite compares text byte by byte (BINARY) unless told
-- otherwise; the version is kept in step with PostgreSQL.
SELECT 1;
