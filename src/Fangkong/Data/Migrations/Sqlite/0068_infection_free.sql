-- 0068 infection free (Sqlite): infection-free compound and village labels through apply,
-- review and register, and the notices of their removal. Times are UTC milliseconds (INTEGER).

CREATE TABLE "infection_free_labels" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_infection_free_labels" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "compound_id" INTEGER NULL,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "applied_by" TEXT NOT NULL,
    "applied_at" INTEGER NOT NULL,
    "reviewed_by" TEXT NULL,
    "reviewed_at" INTEGER NULL,
    "registered_by" TEXT NULL,
    "registered_at" INTEGER NULL,
    "removed_at" INTEGER NULL,
    "removal_reason" TEXT NULL
);

CREATE TABLE "infection_free_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_infection_free_notices" PRIMARY KEY AUTOINCREMENT,
    "label_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    CONSTRAINT "fk_infection_free_notices_infection_free_labels_label_id" FOREIGN KEY ("label_id") REFERENCES "infection_free_labels" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_infection_free_labels_region_code_status" ON "infection_free_labels" ("region_code", "status");

CREATE INDEX "ix_infection_free_labels_compound_id" ON "infection_free_labels" ("compound_id");

CREATE INDEX "ix_infection_free_notices_region_code_at" ON "infection_free_notices" ("region_code", "at");

CREATE INDEX "ix_infection_free_notices_label_id" ON "infection_free_notices" ("label_id");
