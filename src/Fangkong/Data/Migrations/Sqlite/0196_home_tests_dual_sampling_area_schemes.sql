-- 0196 (Sqlite): issue 15, rule 4 — the 8th edition's home-phase tests (days 2 and 7), 双采双检
-- before a close contact's release, and the early release of a secondary contact once its close
-- contact's first tests are negative; and rule 6's flag for both area schemes at once.
-- The plan's terms (DOMAIN §2). The number of the close contact's first tests (2) is [recalled], a
-- default an administrator may change; the 9th edition has neither rule.
ALTER TABLE "policy_versions" ADD COLUMN "release_dual_sampling" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "policy_versions" ADD COLUMN "secondary_early_release_tests" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "policy_versions" ADD COLUMN "both_area_schemes" INTEGER NOT NULL DEFAULT 0;
-- national-8 shipped without its home test days (migration 0050): the edition tests on home days 2 and 7.
-- Contacts already ordered keep the order they were given (decisions keep their version's terms).
UPDATE "policy_versions" SET "close_home_test_days" = '2,7', "release_dual_sampling" = 1, "secondary_early_release_tests" = 2, "both_area_schemes" = 1
WHERE "code" = 'national-8';

-- A home watch carries the test days of its order, and its release.
ALTER TABLE "home_watches" ADD COLUMN "test_days" TEXT NOT NULL DEFAULT '';
ALTER TABLE "home_watches" ADD COLUMN "released_on" TEXT NULL;
ALTER TABLE "home_watches" ADD COLUMN "released_by" TEXT NULL;

CREATE TABLE "home_tests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_home_tests" PRIMARY KEY AUTOINCREMENT,
    "watch_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "day_number" INTEGER NOT NULL,
    "scheduled" INTEGER NOT NULL,
    "taken_at" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "fk_home_tests_home_watches_watch_id" FOREIGN KEY ("watch_id") REFERENCES "home_watches" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_home_tests_watch_id_due_on" ON "home_tests" ("watch_id", "due_on");

CREATE INDEX "ix_home_tests_region_code" ON "home_tests" ("region_code");

-- 双采双检: the labs of a test day's two samples and the second result.
ALTER TABLE "stay_tests" ADD COLUMN "lab" TEXT NULL;
ALTER TABLE "stay_tests" ADD COLUMN "second_lab" TEXT NULL;
ALTER TABLE "stay_tests" ADD COLUMN "second_result" TEXT NULL;
