-- 0076 transfers (Sqlite): the fleet, each placed person's transfer with its clock from
-- identification to check-in, and the batches (one vehicle, one trip) (issue 5).

CREATE TABLE "transfer_vehicles" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_transfer_vehicles" PRIMARY KEY AUTOINCREMENT,
    "plate" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "crew" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "state" TEXT NOT NULL
);

CREATE TABLE "transfer_tasks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_transfer_tasks" PRIMARY KEY AUTOINCREMENT,
    "placement_id" INTEGER NULL,
    "person_id" INTEGER NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "compound_id" INTEGER NULL,
    "from_address" TEXT NOT NULL,
    "site_id" INTEGER NULL,
    "site_name" TEXT NOT NULL,
    "site_region_code" TEXT NOT NULL,
    "identified_at" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "batch_id" INTEGER NULL,
    "dispatched_at" INTEGER NULL,
    "picked_up_at" INTEGER NULL,
    "arrived_at" INTEGER NULL,
    "checked_in_at" INTEGER NULL,
    "note" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "transfer_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_transfer_batches" PRIMARY KEY AUTOINCREMENT,
    "vehicle_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "site_id" INTEGER NULL,
    "site_name" TEXT NOT NULL,
    "passengers" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "dispatched_by" TEXT NOT NULL,
    "dispatched_at" INTEGER NOT NULL,
    "picked_up_at" INTEGER NULL,
    "arrived_at" INTEGER NULL,
    "completed_at" INTEGER NULL,
    CONSTRAINT "fk_transfer_batches_transfer_vehicles_vehicle_id" FOREIGN KEY ("vehicle_id") REFERENCES "transfer_vehicles" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_transfer_vehicles_plate" ON "transfer_vehicles" ("plate");

CREATE INDEX "ix_transfer_vehicles_region_code" ON "transfer_vehicles" ("region_code");

CREATE INDEX "ix_transfer_tasks_region_code_state" ON "transfer_tasks" ("region_code", "state");

CREATE INDEX "ix_transfer_tasks_identified_at_checked_in_at" ON "transfer_tasks" ("identified_at", "checked_in_at");

CREATE INDEX "ix_transfer_tasks_id_number" ON "transfer_tasks" ("id_number");

CREATE INDEX "ix_transfer_tasks_batch_id" ON "transfer_tasks" ("batch_id");

CREATE INDEX "ix_transfer_tasks_placement_id" ON "transfer_tasks" ("placement_id");

CREATE INDEX "ix_transfer_batches_region_code_state" ON "transfer_batches" ("region_code", "state");

CREATE INDEX "ix_transfer_batches_vehicle_id" ON "transfer_batches" ("vehicle_id");
