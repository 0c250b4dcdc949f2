-- 0030 (Sqlite): nothing to change. SQLite does not enforce TEXT lengths; the version is kept in step with PostgreSQL.
SELECT 1;
