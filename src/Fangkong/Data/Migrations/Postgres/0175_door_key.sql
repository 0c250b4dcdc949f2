-- 0175 door key (Postgres): the door-to-door list (敲门, issue 16 item 1) pages by key through one
-- community's residents in address order: compound, building, unit, then room numerically
-- (101, 301, 1101, 1201). door_key is that order as one text, kept by the database on every write
-- (a stored generated column: the bulk loaders' COPY and every other writer get it for free).
-- Compound, building and unit ids are zero-padded to 12 digits, the room to 20 characters (its
-- maximum length), so text order is numeric order for rooms of digits. Collation "C": byte order,
-- the same as SQLite's BINARY, and the filters' prefix bounds compare digit by digit (ADR 0035).
-- Adding a stored column rewrites persons (minutes at 10 M; measured in docs/performance-pages.md).

ALTER TABLE persons ADD COLUMN door_key text COLLATE "C" GENERATED ALWAYS AS (
    lpad(coalesce(compound_id, 0)::text, 12, '0')
    || lpad(coalesce(building_id, 0)::text, 12, '0')
    || lpad(coalesce(building_unit_id, 0)::text, 12, '0')
    || lpad(coalesce(room, ''), 20, '0')) STORED;

CREATE INDEX ix_persons_region_code_door_key_id ON persons (region_code, door_key, id);
