-- 0062 areas (Sqlite): designations of regions, compounds and buildings with their history,
-- the changes Fangkong proposes, and the area scheme of each policy version (issue 6).
-- Times are UTC milliseconds (INTEGER), days ISO text.

ALTER TABLE "policy_versions" ADD COLUMN "area_scheme" TEXT NOT NULL DEFAULT 'SealedControlled';
UPDATE "policy_versions" SET "area_scheme" = 'RiskLevels' WHERE "code" = 'national-9';

CREATE TABLE "area_designations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_area_designations" PRIMARY KEY AUTOINCREMENT,
    "unit_kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "unit_id" INTEGER NULL,
    "unit_name" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "reason" TEXT NOT NULL,
    "approving_body" TEXT NOT NULL,
    "approved_by" TEXT NOT NULL,
    "proposal_id" INTEGER NULL,
    "end_reason" TEXT NULL,
    "ended_by" TEXT NULL
);

CREATE TABLE "area_proposals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_area_proposals" PRIMARY KEY AUTOINCREMENT,
    "unit_kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "unit_id" INTEGER NULL,
    "unit_name" TEXT NOT NULL,
    "designation_id" INTEGER NULL,
    "from_level" TEXT NULL,
    "to_level" TEXT NULL,
    "rule" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "proposed_on" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "decision_reason" TEXT NULL,
    "approving_body" TEXT NULL,
    CONSTRAINT "fk_area_proposals_area_designations_designation_id" FOREIGN KEY ("designation_id") REFERENCES "area_designations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_area_designations_region_code_ends_on" ON "area_designations" ("region_code", "ends_on");

CREATE INDEX "ix_area_designations_unit_kind_unit_id" ON "area_designations" ("unit_kind", "unit_id");

CREATE INDEX "ix_area_proposals_region_code_status" ON "area_proposals" ("region_code", "status");

CREATE INDEX "ix_area_proposals_designation_id" ON "area_proposals" ("designation_id");
