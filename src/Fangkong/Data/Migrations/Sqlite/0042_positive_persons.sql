-- 0042 positive persons (Sqlite): people found positive by a single tube, handed to case
-- reporting until a case record is made of them. Times are UTC milliseconds (INTEGER), as in 0040.

CREATE TABLE "positive_persons" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_positive_persons" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "tube_id" INTEGER NOT NULL,
    "round_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "found_at" INTEGER NOT NULL,
    "case_no" TEXT NULL,
    "reported_at" INTEGER NULL
);

CREATE INDEX "ix_positive_persons_case_no" ON "positive_persons" ("case_no");

CREATE INDEX "ix_positive_persons_region_code" ON "positive_persons" ("region_code");

CREATE UNIQUE INDEX "ix_positive_persons_tube_id_person_id" ON "positive_persons" ("tube_id", "person_id");
