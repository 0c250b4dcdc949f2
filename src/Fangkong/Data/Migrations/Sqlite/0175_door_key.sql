-- 0175 door key (Sqlite): the door-to-door list (敲门, issue 16 item 1) pages by key through one
-- community's residents in address order: compound, building, unit, then room numerically
-- (101, 301, 1101, 1201). door_key is that order as one text, computed by the database (a
-- generated column; SQLite adds only VIRTUAL ones to an existing table, and indexes them).
-- Compound, building and unit ids are zero-padded to 12 digits, the room to 20 characters (its
-- maximum length), exactly as the PostgreSQL column is (ADR 0035).

ALTER TABLE "persons" ADD COLUMN "door_key" TEXT GENERATED ALWAYS AS (
    substr('000000000000' || coalesce("compound_id", 0), -12, 12)
    || substr('000000000000' || coalesce("building_id", 0), -12, 12)
    || substr('000000000000' || coalesce("building_unit_id", 0), -12, 12)
    || substr('00000000000000000000' || coalesce("room", ''), -20, 20)) VIRTUAL;

CREATE INDEX "ix_persons_region_code_door_key_id" ON "persons" ("region_code", "door_key", "id");
