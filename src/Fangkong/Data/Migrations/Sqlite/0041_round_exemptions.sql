-- 0041 round exemptions (Sqlite): residents of a round's area who are tested elsewhere (quarantine,
-- hospital, other), left out of those who should test. One per round and person. Times are UTC
-- milliseconds (INTEGER), as in 0040.

CREATE TABLE "round_exemptions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_round_exemptions" PRIMARY KEY AUTOINCREMENT,
    "round_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    CONSTRAINT "fk_round_exemptions_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_round_exemptions_region_code" ON "round_exemptions" ("region_code");

CREATE UNIQUE INDEX "ix_round_exemptions_round_id_person_id" ON "round_exemptions" ("round_id", "person_id");
