-- 0061 passes (Sqlite): movement passes, their history and quotas, the keys that sign them,
-- checkpoints and the scan log (issue 6). Times are UTC milliseconds (INTEGER), so that SQLite
-- can compare and sort them (UtcMillisecondsConverter).

CREATE TABLE "passes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_passes" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "regions" TEXT NOT NULL,
    "holder_name" TEXT NULL,
    "holder_id_number" TEXT NULL,
    "plate" TEXT NULL,
    "purpose" TEXT NOT NULL,
    "valid_from" INTEGER NOT NULL,
    "valid_to" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "applied_by" TEXT NOT NULL,
    "applied_at" INTEGER NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "note" TEXT NULL,
    "token" TEXT NULL,
    "revoked_at" INTEGER NULL
);

CREATE TABLE "pass_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_events" PRIMARY KEY AUTOINCREMENT,
    "pass_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "note" TEXT NULL
);

CREATE TABLE "pass_quotas" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_quotas" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "limit" INTEGER NOT NULL
);

CREATE TABLE "pass_signing_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_signing_keys" PRIMARY KEY AUTOINCREMENT,
    "key_id" TEXT NOT NULL,
    "public_key" BLOB NOT NULL,
    "private_key" BLOB NOT NULL,
    "created_at" INTEGER NOT NULL,
    "retired_at" INTEGER NULL
);

CREATE TABLE "checkpoints" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_checkpoints" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "on_duty" TEXT NOT NULL
);

CREATE TABLE "pass_scans" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_scans" PRIMARY KEY AUTOINCREMENT,
    "client_id" TEXT NOT NULL,
    "checkpoint_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "scanned_at" INTEGER NOT NULL,
    "pass_id" INTEGER NULL,
    "allowed" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "officer" TEXT NOT NULL,
    "received_at" INTEGER NOT NULL,
    CONSTRAINT "fk_pass_scans_checkpoints_checkpoint_id" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoints" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_passes_region_code_status" ON "passes" ("region_code", "status");

CREATE INDEX "ix_passes_organisation_id_kind_status" ON "passes" ("organisation_id", "kind", "status");

CREATE INDEX "ix_passes_revoked_at" ON "passes" ("revoked_at");

CREATE INDEX "ix_pass_events_pass_id" ON "pass_events" ("pass_id");

CREATE INDEX "ix_pass_events_region_code" ON "pass_events" ("region_code");

CREATE UNIQUE INDEX "ix_pass_quotas_organisation_id_kind" ON "pass_quotas" ("organisation_id", "kind");

CREATE INDEX "ix_pass_quotas_region_code" ON "pass_quotas" ("region_code");

CREATE UNIQUE INDEX "ix_pass_signing_keys_key_id" ON "pass_signing_keys" ("key_id");

CREATE INDEX "ix_checkpoints_region_code" ON "checkpoints" ("region_code");

CREATE UNIQUE INDEX "ix_pass_scans_client_id" ON "pass_scans" ("client_id");

CREATE INDEX "ix_pass_scans_checkpoint_id_scanned_at" ON "pass_scans" ("checkpoint_id", "scanned_at");

CREATE INDEX "ix_pass_scans_pass_id_scanned_at" ON "pass_scans" ("pass_id", "scanned_at");

CREATE INDEX "ix_pass_scans_region_code" ON "pass_scans" ("region_code");
