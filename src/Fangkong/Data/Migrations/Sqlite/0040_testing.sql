-- 0040 testing (Sqlite): mass testing in pooled tubes (issue 3): rounds, tubes, samples (scans),
-- control orders of positive-pool members and their single-tube re-sampling tasks. Times are UTC
-- milliseconds (INTEGER), so that SQLite can compare and sort them (UtcMillisecondsConverter).

CREATE TABLE "control_orders" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_control_orders" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "tube_id" INTEGER NULL,
    "round_id" INTEGER NULL,
    "started_at" INTEGER NOT NULL,
    "ended_at" INTEGER NULL,
    "outcome" TEXT NULL
);

CREATE TABLE "resample_tasks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_resample_tasks" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "round_id" INTEGER NOT NULL,
    "source_tube_id" INTEGER NOT NULL,
    "retest_tube_id" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "resolved_at" INTEGER NULL
);

CREATE TABLE "testing_rounds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_testing_rounds" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "starts_at" INTEGER NOT NULL,
    "deadline" INTEGER NOT NULL,
    "pool_size" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL
);

CREATE TABLE "tubes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_tubes" PRIMARY KEY AUTOINCREMENT,
    "round_id" INTEGER NOT NULL,
    "barcode" TEXT NOT NULL,
    "pool_size" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "sampling_point" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "result" TEXT NULL,
    "ct_n" REAL NULL,
    "ct_orf" REAL NULL,
    "lab" TEXT NULL,
    "reported_at" INTEGER NULL,
    "result_received_at" INTEGER NULL,
    "traced_at" INTEGER NULL,
    CONSTRAINT "fk_tubes_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id") ON DELETE CASCADE
);

CREATE TABLE "samples" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_samples" PRIMARY KEY AUTOINCREMENT,
    "client_id" TEXT NOT NULL,
    "round_id" INTEGER NOT NULL,
    "tube_id" INTEGER NOT NULL,
    "person_id" INTEGER NULL,
    "document_number" TEXT NOT NULL,
    "person_region_code" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "sampled_at" INTEGER NOT NULL,
    "sampler" TEXT NOT NULL,
    CONSTRAINT "fk_samples_tubes_tube_id" FOREIGN KEY ("tube_id") REFERENCES "tubes" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_control_orders_person_id" ON "control_orders" ("person_id");

CREATE INDEX "ix_control_orders_region_code" ON "control_orders" ("region_code");

CREATE INDEX "ix_control_orders_tube_id" ON "control_orders" ("tube_id");

CREATE INDEX "ix_resample_tasks_region_code" ON "resample_tasks" ("region_code");

CREATE INDEX "ix_resample_tasks_round_id_person_id" ON "resample_tasks" ("round_id", "person_id");

CREATE INDEX "ix_resample_tasks_source_tube_id" ON "resample_tasks" ("source_tube_id");

CREATE UNIQUE INDEX "ix_samples_client_id" ON "samples" ("client_id");

CREATE INDEX "ix_samples_region_code" ON "samples" ("region_code");

CREATE INDEX "ix_samples_round_id_person_region_code" ON "samples" ("round_id", "person_region_code");

CREATE UNIQUE INDEX "ix_samples_tube_id_document_number" ON "samples" ("tube_id", "document_number");

CREATE INDEX "ix_testing_rounds_region_code" ON "testing_rounds" ("region_code");

CREATE UNIQUE INDEX "ix_tubes_barcode" ON "tubes" ("barcode");

CREATE INDEX "ix_tubes_region_code" ON "tubes" ("region_code");

CREATE INDEX "ix_tubes_round_id_result" ON "tubes" ("round_id", "result");

-- Antigen self-tests and their nucleic-acid confirmations.

CREATE TABLE "antigen_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_antigen_reports" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "tested_at" INTEGER NOT NULL,
    "reported_at" INTEGER NOT NULL,
    "reported_by" TEXT NOT NULL
);

CREATE TABLE "confirmation_tasks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_confirmation_tasks" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "antigen_report_id" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "tube_id" INTEGER NULL,
    "resolved_at" INTEGER NULL
);

CREATE INDEX "ix_antigen_reports_person_id" ON "antigen_reports" ("person_id");

CREATE INDEX "ix_antigen_reports_region_code" ON "antigen_reports" ("region_code");

CREATE INDEX "ix_confirmation_tasks_person_id_status" ON "confirmation_tasks" ("person_id", "status");

CREATE INDEX "ix_confirmation_tasks_region_code" ON "confirmation_tasks" ("region_code");
