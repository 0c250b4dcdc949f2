-- 0070 quarantine (Sqlite): quarantine sites and hospitals, their floors / care units / wards,
-- rooms and beds with their turnover state, placements of people in them, declared dependants,
-- the command centre's central-quarantine decisions for pool members, allocation runs; and a
-- position (WGS-84) on compounds and regions, the home of a person for the distance to a site (issue 5).
-- Times are UTC milliseconds (INTEGER), so that SQLite can compare and sort them (UtcMillisecondsConverter).

ALTER TABLE "compounds" ADD "latitude" REAL NULL;
ALTER TABLE "compounds" ADD "longitude" REAL NULL;
ALTER TABLE "regions" ADD "latitude" REAL NULL;
ALTER TABLE "regions" ADD "longitude" REAL NULL;

CREATE TABLE "quarantine_sites" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_quarantine_sites" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" REAL NOT NULL,
    "longitude" REAL NOT NULL,
    "staff" INTEGER NOT NULL,
    "contact_name" TEXT NULL,
    "contact_phone" TEXT NULL,
    "is_open" INTEGER NOT NULL
);

CREATE TABLE "site_sections" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_site_sections" PRIMARY KEY AUTOINCREMENT,
    "site_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_site_sections_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id") ON DELETE CASCADE
);

CREATE TABLE "quarantine_rooms" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_quarantine_rooms" PRIMARY KEY AUTOINCREMENT,
    "site_id" INTEGER NOT NULL,
    "section_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "occupants" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "state_changed_at" INTEGER NOT NULL,
    "used_since_disinfection" INTEGER NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_quarantine_rooms_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_quarantine_rooms_site_sections_section_id" FOREIGN KEY ("section_id") REFERENCES "site_sections" ("id")
);

CREATE TABLE "hospital_beds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_hospital_beds" PRIMARY KEY AUTOINCREMENT,
    "site_id" INTEGER NOT NULL,
    "section_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "occupants" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "state_changed_at" INTEGER NOT NULL,
    "used_since_disinfection" INTEGER NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_hospital_beds_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_hospital_beds_site_sections_section_id" FOREIGN KEY ("section_id") REFERENCES "site_sections" ("id")
);

CREATE TABLE "placements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_placements" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "contact_id" INTEGER NULL,
    "case_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "severity" TEXT NULL,
    "site_id" INTEGER NOT NULL,
    "section_id" INTEGER NOT NULL,
    "room_id" INTEGER NULL,
    "bed_id" INTEGER NULL,
    "dependant_of_placement_id" INTEGER NULL,
    "dependant_reason" TEXT NULL,
    "identified_at" INTEGER NOT NULL,
    "placed_at" INTEGER NOT NULL,
    "checked_in_at" INTEGER NULL,
    "released_at" INTEGER NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT NULL,
    "end_reason" TEXT NULL,
    "previous_placement_id" INTEGER NULL,
    "allocation_run_id" INTEGER NULL,
    "placed_by" TEXT NOT NULL,
    "distance_km" REAL NULL,
    CONSTRAINT "fk_placements_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id")
);

CREATE TABLE "dependant_declarations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dependant_declarations" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dependant_key" INTEGER NOT NULL,
    "carer_key" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "declared_by" TEXT NOT NULL,
    "declared_at" INTEGER NOT NULL
);

CREATE TABLE "central_quarantine_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_central_quarantine_decisions" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "control_order_id" INTEGER NULL,
    "region_code" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" INTEGER NOT NULL,
    "note" TEXT NULL,
    "withdrawn_at" INTEGER NULL
);

CREATE TABLE "allocation_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_allocation_runs" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "run_by" TEXT NOT NULL,
    "started_at" INTEGER NOT NULL,
    "finished_at" INTEGER NULL,
    "waiting" INTEGER NOT NULL,
    "placed" INTEGER NOT NULL,
    "unplaced" INTEGER NOT NULL,
    "summary" TEXT NOT NULL
);

CREATE INDEX "ix_quarantine_sites_region_code" ON "quarantine_sites" ("region_code");

CREATE UNIQUE INDEX "ix_quarantine_sites_region_code_name" ON "quarantine_sites" ("region_code", "name");

CREATE UNIQUE INDEX "ix_site_sections_site_id_number" ON "site_sections" ("site_id", "number");

CREATE INDEX "ix_site_sections_region_code" ON "site_sections" ("region_code");

CREATE UNIQUE INDEX "ix_quarantine_rooms_site_id_number" ON "quarantine_rooms" ("site_id", "number");

CREATE INDEX "ix_quarantine_rooms_site_id_state" ON "quarantine_rooms" ("site_id", "state");

CREATE INDEX "ix_quarantine_rooms_section_id" ON "quarantine_rooms" ("section_id");

CREATE INDEX "ix_quarantine_rooms_region_code" ON "quarantine_rooms" ("region_code");

CREATE UNIQUE INDEX "ix_hospital_beds_site_id_number" ON "hospital_beds" ("site_id", "number");

CREATE INDEX "ix_hospital_beds_site_id_state" ON "hospital_beds" ("site_id", "state");

CREATE INDEX "ix_hospital_beds_section_id" ON "hospital_beds" ("section_id");

CREATE INDEX "ix_hospital_beds_region_code" ON "hospital_beds" ("region_code");

CREATE INDEX "ix_placements_region_code_state" ON "placements" ("region_code", "state");

CREATE INDEX "ix_placements_site_id_state" ON "placements" ("site_id", "state");

CREATE INDEX "ix_placements_section_id_state" ON "placements" ("section_id", "state");

CREATE INDEX "ix_placements_room_id" ON "placements" ("room_id");

CREATE INDEX "ix_placements_bed_id" ON "placements" ("bed_id");

CREATE INDEX "ix_placements_person_id" ON "placements" ("person_id");

CREATE INDEX "ix_placements_contact_id" ON "placements" ("contact_id");

CREATE INDEX "ix_placements_case_id" ON "placements" ("case_id");

CREATE UNIQUE INDEX "ix_dependant_declarations_kind_dependant_key" ON "dependant_declarations" ("kind", "dependant_key");

CREATE INDEX "ix_dependant_declarations_region_code" ON "dependant_declarations" ("region_code");

CREATE INDEX "ix_central_quarantine_decisions_person_id" ON "central_quarantine_decisions" ("person_id");

CREATE INDEX "ix_central_quarantine_decisions_region_code" ON "central_quarantine_decisions" ("region_code");

CREATE INDEX "ix_allocation_runs_region_code_started_at" ON "allocation_runs" ("region_code", "started_at");
