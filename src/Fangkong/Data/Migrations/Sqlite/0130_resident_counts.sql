-- 0130 (Sqlite): residents per region code, maintained in the same transaction as the change
-- (docs/decisions/0020-maintained-resident-counts.md). SQLite has only row triggers: one
-- upsert per inserted person, a small price beside the insert and its five index entries.
CREATE TABLE "resident_counts" (
    "region_code" TEXT NOT NULL CONSTRAINT "pk_resident_counts" PRIMARY KEY,
    "residents" INTEGER NOT NULL
);

INSERT INTO "resident_counts" ("region_code", "residents")
SELECT "region_code", count(*) FROM "persons" GROUP BY "region_code";

CREATE TRIGGER "persons_resident_count_insert" AFTER INSERT ON "persons"
BEGIN
    INSERT INTO "resident_counts" ("region_code", "residents") VALUES (NEW."region_code", 1)
    ON CONFLICT ("region_code") DO UPDATE SET "residents" = "residents" + 1;
END;

CREATE TRIGGER "persons_resident_count_delete" AFTER DELETE ON "persons"
BEGIN
    UPDATE "resident_counts" SET "residents" = "residents" - 1 WHERE "region_code" = OLD."region_code";
END;

CREATE TRIGGER "persons_resident_count_move" AFTER UPDATE OF "region_code" ON "persons"
    WHEN OLD."region_code" IS NOT NEW."region_code"
BEGIN
    UPDATE "resident_counts" SET "residents" = "residents" - 1 WHERE "region_code" = OLD."region_code";
    INSERT INTO "resident_counts" ("region_code", "residents") VALUES (NEW."region_code", 1)
    ON CONFLICT ("region_code") DO UPDATE SET "residents" = "residents" + 1;
END;
