-- 0250 notice grammar (Sqlite); see the PostgreSQL script.
ALTER TABLE "accountability_cases" ADD COLUMN "failings" TEXT NULL;
ALTER TABLE "accountability_cases" ADD COLUMN "name_first_only" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "accountable_officials" ADD COLUMN "qualifier" TEXT NULL;
ALTER TABLE "accountable_officials" ADD COLUMN "state_responsibility" INTEGER NOT NULL DEFAULT 1;
