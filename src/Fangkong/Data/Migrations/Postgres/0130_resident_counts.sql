-- 0130 (Postgres): residents per region code, maintained in the same transaction as the change
-- (docs/decisions/0020-maintained-resident-counts.md). Region pages sum a few thousand rows
-- here instead of counting millions of persons per request.
CREATE TABLE resident_counts (
    region_code character varying(12) NOT NULL,
    residents bigint NOT NULL,
    CONSTRAINT pk_resident_counts PRIMARY KEY (region_code)
);

-- Subtree sums are prefix matches; the database collation may not be C.
CREATE INDEX ix_resident_counts_region_code_prefix ON resident_counts (region_code varchar_pattern_ops);

INSERT INTO resident_counts (region_code, residents)
SELECT region_code, count(*) FROM persons GROUP BY region_code;

-- Inserts and deletions are counted once per statement from the transition table, so a COPY or an
-- INSERT ... SELECT of millions of people costs one grouped upsert, not one per row. Codes are
-- upserted in order so that two concurrent imports lock the same rows in the same order.
CREATE FUNCTION resident_counts_count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO resident_counts AS r (region_code, residents)
        SELECT region_code, count(*) FROM counted_new_rows GROUP BY region_code ORDER BY region_code
        ON CONFLICT (region_code) DO UPDATE SET residents = r.residents + excluded.residents;
    ELSE
        INSERT INTO resident_counts AS r (region_code, residents)
        SELECT region_code, -count(*) FROM counted_old_rows GROUP BY region_code ORDER BY region_code
        ON CONFLICT (region_code) DO UPDATE SET residents = r.residents + excluded.residents;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER persons_resident_count_insert AFTER INSERT ON persons
    REFERENCING NEW TABLE AS counted_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION resident_counts_count_statement();

CREATE TRIGGER persons_resident_count_delete AFTER DELETE ON persons
    REFERENCING OLD TABLE AS counted_old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION resident_counts_count_statement();

-- A move is rare and touches one row; a row trigger with WHEN costs nothing for the far more
-- frequent updates that keep the region (health codes, a re-imported roster), where a statement
-- trigger would copy every updated row into transition tables.
CREATE FUNCTION resident_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resident_counts AS r (region_code, residents)
    VALUES (LEAST(OLD.region_code, NEW.region_code), CASE WHEN OLD.region_code < NEW.region_code THEN -1 ELSE 1 END),
           (GREATEST(OLD.region_code, NEW.region_code), CASE WHEN OLD.region_code < NEW.region_code THEN 1 ELSE -1 END)
    ON CONFLICT (region_code) DO UPDATE SET residents = r.residents + excluded.residents;
    RETURN NULL;
END
$$;

CREATE TRIGGER persons_resident_count_move AFTER UPDATE OF region_code ON persons
    FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code)
    EXECUTE FUNCTION resident_counts_move();
