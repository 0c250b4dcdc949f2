-- 0031 (Sqlite): nothing to change. With case_sensitive_like on (SqlitePrefixLikeInterceptor) the
-- plain index on persons.name already serves LIKE '张%'; the version is kept in step with PostgreSQL.
SELECT 1;
