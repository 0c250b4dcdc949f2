-- 0077 stay (Sqlite): the sampling tasks of people in quarantine or treatment and the turnover
-- of rooms and beds from release to available (issue 5). Times are UTC milliseconds (INTEGER).

CREATE TABLE "stay_tests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_stay_tests" PRIMARY KEY AUTOINCREMENT,
    "placement_id" INTEGER NOT NULL,
    "site_id" INTEGER NOT NULL,
    "person_id" INTEGER NULL,
    "region_code" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "day_number" INTEGER NOT NULL,
    "scheduled" INTEGER NOT NULL,
    "taken_at" INTEGER NULL,
    "result" TEXT NULL,
    "ct_n" REAL NULL,
    "ct_orf" REAL NULL,
    "recorded_by" TEXT NULL,
    CONSTRAINT "fk_stay_tests_placements_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placements" ("id") ON DELETE CASCADE
);

CREATE TABLE "space_turnovers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_space_turnovers" PRIMARY KEY AUTOINCREMENT,
    "site_id" INTEGER NOT NULL,
    "room_id" INTEGER NULL,
    "bed_id" INTEGER NULL,
    "space_number" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "placement_id" INTEGER NOT NULL,
    "released_at" INTEGER NOT NULL,
    "available_at" INTEGER NULL
);

CREATE UNIQUE INDEX "ix_stay_tests_placement_id_due_on" ON "stay_tests" ("placement_id", "due_on");

CREATE INDEX "ix_stay_tests_site_id_due_on" ON "stay_tests" ("site_id", "due_on");

CREATE INDEX "ix_stay_tests_region_code" ON "stay_tests" ("region_code");

CREATE INDEX "ix_space_turnovers_site_id_released_at" ON "space_turnovers" ("site_id", "released_at");

CREATE INDEX "ix_space_turnovers_room_id" ON "space_turnovers" ("room_id");

CREATE INDEX "ix_space_turnovers_bed_id" ON "space_turnovers" ("bed_id");

CREATE INDEX "ix_space_turnovers_region_code" ON "space_turnovers" ("region_code");
