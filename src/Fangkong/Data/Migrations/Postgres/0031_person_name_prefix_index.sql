-- 0031 (Postgres): name search is a prefix match (LIKE '张%'). In a database whose collation is
-- not C, a default b-tree cannot serve LIKE; varchar_pattern_ops can (and still serves =).
DROP INDEX ix_persons_name;
CREATE INDEX ix_persons_name ON persons (name varchar_pattern_ops);
