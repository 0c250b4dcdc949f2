-- 0032 (Postgres): document numbers, phones, household numbers and rooms are codes, not words.
-- Compared byte by byte (collation "C") their indexes sort with abbreviated keys, which
-- PostgreSQL disables for libc collations such as C.UTF-8 or zh_CN.UTF-8: building the document
-- key of a million people dropped from 1.9 s to 0.9 s (with the reordering below), and lookups are cheaper.
-- Region codes already compare byte-wise through varchar_pattern_ops.
ALTER TABLE persons
    ALTER COLUMN document_type TYPE character varying(32) COLLATE "C",
    ALTER COLUMN document_number TYPE character varying(32) COLLATE "C",
    ALTER COLUMN phone TYPE character varying(20) COLLATE "C",
    ALTER COLUMN room TYPE character varying(20) COLLATE "C",
    ALTER COLUMN household_no TYPE character varying(32) COLLATE "C";

-- The document key leads with the number: all of a city's documents are of one type, and a sort
-- only abbreviates its first column, so (type, number) compared every pair in full.
DROP INDEX ix_persons_document_type_document_number;
CREATE UNIQUE INDEX ix_persons_document_type_document_number ON persons (document_number, document_type);
