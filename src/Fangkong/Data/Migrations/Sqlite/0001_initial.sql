-- 0001 initial (Sqlite): the region tree, residences, places and persons.
-- Hand-written (EF design-time tooling is not available); kept in step with the EF model by SchemaMatchesModelTests.

CREATE TABLE "compounds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_compounds" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

CREATE TABLE "persons" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_persons" PRIMARY KEY AUTOINCREMENT,
    "document_type" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "phone" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "compound_id" INTEGER NULL,
    "building_id" INTEGER NULL,
    "building_unit_id" INTEGER NULL,
    "room" TEXT NULL,
    "household_no" TEXT NULL,
    "health_code" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "places" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_places" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NULL,
    "is_supply_guarantee" INTEGER NOT NULL
);

CREATE TABLE "regions" (
    "code" TEXT NOT NULL CONSTRAINT "pk_regions" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "is_reporting_unit" INTEGER NOT NULL
);

CREATE TABLE "buildings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_buildings" PRIMARY KEY AUTOINCREMENT,
    "compound_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_buildings_compounds_compound_id" FOREIGN KEY ("compound_id") REFERENCES "compounds" ("id") ON DELETE CASCADE
);

CREATE TABLE "building_units" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_building_units" PRIMARY KEY AUTOINCREMENT,
    "building_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_building_units_buildings_building_id" FOREIGN KEY ("building_id") REFERENCES "buildings" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_building_units_building_id_name" ON "building_units" ("building_id", "name");

CREATE UNIQUE INDEX "ix_buildings_compound_id_name" ON "buildings" ("compound_id", "name");

CREATE UNIQUE INDEX "ix_compounds_region_code_name" ON "compounds" ("region_code", "name");

CREATE INDEX "ix_persons_building_unit_id_room" ON "persons" ("building_unit_id", "room");

CREATE UNIQUE INDEX "ix_persons_document_type_document_number" ON "persons" ("document_type", "document_number");

CREATE INDEX "ix_persons_household_no" ON "persons" ("household_no");

CREATE INDEX "ix_persons_name" ON "persons" ("name");

CREATE INDEX "ix_persons_phone" ON "persons" ("phone");

CREATE INDEX "ix_persons_region_code" ON "persons" ("region_code");

CREATE INDEX "ix_places_region_code" ON "places" ("region_code");

CREATE UNIQUE INDEX "ix_places_region_code_name" ON "places" ("region_code", "name");

CREATE INDEX "ix_regions_parent_code" ON "regions" ("parent_code");
