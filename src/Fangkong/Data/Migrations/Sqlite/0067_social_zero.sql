-- 0067 social zero (Sqlite): each new case's classification at detection (under control or
-- social level, with its reason) and the populations the social-level rate divides by.

CREATE TABLE "case_classifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_classifications" PRIMARY KEY AUTOINCREMENT,
    "case_no" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "reported_on" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NULL,
    "classified_at" INTEGER NOT NULL
);

CREATE TABLE "region_populations" (
    "region_code" TEXT NOT NULL CONSTRAINT "pk_region_populations" PRIMARY KEY,
    "population" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_case_classifications_case_no" ON "case_classifications" ("case_no");

CREATE INDEX "ix_case_classifications_region_code_reported_on" ON "case_classifications" ("region_code", "reported_on");
