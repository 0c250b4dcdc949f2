-- 0080 supervision (Sqlite): inspections with versioned checklists and a result per item,
-- findings with their owner, deadline, history, evidence and escalation notices, and the
-- detectors' schedule (issue 7). Times are UTC milliseconds (INTEGER, UtcMillisecondsConverter).
-- Evidence is write-once: triggers refuse to change or remove an evidence file or its content.

CREATE TABLE "detector_runs" (
    "key" TEXT NOT NULL CONSTRAINT "pk_detector_runs" PRIMARY KEY,
    "last_run_at" INTEGER NULL,
    "last_detected" INTEGER NOT NULL,
    "last_raised" INTEGER NOT NULL,
    "total_raised" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "evidence_blobs" (
    "sha256" TEXT NOT NULL CONSTRAINT "pk_evidence_blobs" PRIMARY KEY,
    "content" BLOB NOT NULL,
    "length" INTEGER NOT NULL,
    "stored_at" INTEGER NOT NULL
);

CREATE TABLE "checklist_templates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_checklist_templates" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "is_current" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "checklist_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_checklist_items" PRIMARY KEY AUTOINCREMENT,
    "template_id" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    CONSTRAINT "fk_checklist_items_checklist_templates_template_id" FOREIGN KEY ("template_id") REFERENCES "checklist_templates" ("id") ON DELETE CASCADE
);

CREATE TABLE "inspections" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_inspections" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    "organisation_id" INTEGER NULL,
    "target_name" TEXT NOT NULL,
    "checklist_template_id" INTEGER NOT NULL,
    "inspectors" TEXT NOT NULL,
    "planned_on" TEXT NOT NULL,
    "review_of_inspection_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "started_at" INTEGER NULL,
    "completed_at" INTEGER NULL,
    "summary" TEXT NULL,
    CONSTRAINT "fk_inspections_checklist_templates_checklist_template_id" FOREIGN KEY ("checklist_template_id") REFERENCES "checklist_templates" ("id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_results" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_inspection_results" PRIMARY KEY AUTOINCREMENT,
    "inspection_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "checklist_item_id" INTEGER NOT NULL,
    "item_no" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "finding_id" INTEGER NULL,
    CONSTRAINT "fk_inspection_results_checklist_items_checklist_item_id" FOREIGN KEY ("checklist_item_id") REFERENCES "checklist_items" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_inspection_results_inspections_inspection_id" FOREIGN KEY ("inspection_id") REFERENCES "inspections" ("id") ON DELETE CASCADE
);

CREATE TABLE "findings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_findings" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "inspection_id" INTEGER NULL,
    "inspection_result_id" INTEGER NULL,
    "complaint_ref" TEXT NULL,
    "detector_key" TEXT NULL,
    "dedupe_key" TEXT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "responsible_organisation_id" INTEGER NOT NULL,
    "responsible_unit" TEXT NOT NULL,
    "responsible_official_id" INTEGER NOT NULL,
    "responsible_person" TEXT NOT NULL,
    "deadline" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "raised_by" TEXT NOT NULL,
    "raised_at" INTEGER NOT NULL,
    "rectification" TEXT NULL,
    "rectified_by" TEXT NULL,
    "rectified_at" INTEGER NULL,
    "rejections" INTEGER NOT NULL,
    "verified_by" TEXT NULL,
    "verified_at" INTEGER NULL,
    "verified_by_inspection_id" INTEGER NULL,
    "escalation_level" INTEGER NOT NULL,
    "escalated_to" TEXT NULL,
    "escalated_at" INTEGER NULL,
    CONSTRAINT "fk_findings_officials_responsible_official_id" FOREIGN KEY ("responsible_official_id") REFERENCES "officials" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_findings_organisations_responsible_organisation_id" FOREIGN KEY ("responsible_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "finding_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_finding_events" PRIMARY KEY AUTOINCREMENT,
    "finding_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_finding_events_findings_finding_id" FOREIGN KEY ("finding_id") REFERENCES "findings" ("id") ON DELETE CASCADE
);

CREATE TABLE "evidence_files" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_evidence_files" PRIMARY KEY AUTOINCREMENT,
    "finding_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" INTEGER NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_evidence_files_evidence_blobs_sha256" FOREIGN KEY ("sha256") REFERENCES "evidence_blobs" ("sha256") ON DELETE RESTRICT,
    CONSTRAINT "fk_evidence_files_findings_finding_id" FOREIGN KEY ("finding_id") REFERENCES "findings" ("id") ON DELETE CASCADE
);

CREATE TABLE "escalation_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_escalation_notices" PRIMARY KEY AUTOINCREMENT,
    "finding_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "from_region" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "acknowledged_by" TEXT NULL,
    "acknowledged_at" INTEGER NULL,
    CONSTRAINT "fk_escalation_notices_findings_finding_id" FOREIGN KEY ("finding_id") REFERENCES "findings" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_checklist_items_template_id_no" ON "checklist_items" ("template_id", "no");

CREATE UNIQUE INDEX "ix_checklist_templates_key_version" ON "checklist_templates" ("key", "version");

CREATE INDEX "ix_checklist_templates_target_type_is_current" ON "checklist_templates" ("target_type", "is_current");

CREATE UNIQUE INDEX "ix_escalation_notices_finding_id_level" ON "escalation_notices" ("finding_id", "level");

CREATE INDEX "ix_escalation_notices_region_code" ON "escalation_notices" ("region_code");

CREATE INDEX "ix_evidence_files_finding_id" ON "evidence_files" ("finding_id");

CREATE INDEX "ix_evidence_files_region_code" ON "evidence_files" ("region_code");

CREATE INDEX "ix_evidence_files_sha256" ON "evidence_files" ("sha256");

CREATE INDEX "ix_finding_events_finding_id" ON "finding_events" ("finding_id");

CREATE INDEX "ix_finding_events_region_code" ON "finding_events" ("region_code");

CREATE UNIQUE INDEX "ix_findings_dedupe_key" ON "findings" ("dedupe_key");

CREATE INDEX "ix_findings_inspection_id" ON "findings" ("inspection_id");

CREATE INDEX "ix_findings_region_code_status" ON "findings" ("region_code", "status");

CREATE INDEX "ix_findings_responsible_official_id" ON "findings" ("responsible_official_id");

CREATE INDEX "ix_findings_responsible_organisation_id" ON "findings" ("responsible_organisation_id");

CREATE INDEX "ix_findings_status_deadline" ON "findings" ("status", "deadline");

CREATE INDEX "ix_inspection_results_checklist_item_id" ON "inspection_results" ("checklist_item_id");

CREATE UNIQUE INDEX "ix_inspection_results_inspection_id_checklist_item_id" ON "inspection_results" ("inspection_id", "checklist_item_id");

CREATE INDEX "ix_inspection_results_region_code" ON "inspection_results" ("region_code");

CREATE INDEX "ix_inspections_checklist_template_id" ON "inspections" ("checklist_template_id");

CREATE INDEX "ix_inspections_planned_on" ON "inspections" ("planned_on");

CREATE INDEX "ix_inspections_region_code_status" ON "inspections" ("region_code", "status");

CREATE TRIGGER "tr_evidence_blobs_no_update" BEFORE UPDATE ON "evidence_blobs"
BEGIN
    SELECT RAISE(ABORT, '证据材料只写一次，不可修改或删除 (evidence is write-once: UPDATE on evidence_blobs)');
END;

CREATE TRIGGER "tr_evidence_blobs_no_delete" BEFORE DELETE ON "evidence_blobs"
BEGIN
    SELECT RAISE(ABORT, '证据材料只写一次，不可修改或删除 (evidence is write-once: DELETE on evidence_blobs)');
END;

CREATE TRIGGER "tr_evidence_files_no_update" BEFORE UPDATE ON "evidence_files"
BEGIN
    SELECT RAISE(ABORT, '证据材料只写一次，不可修改或删除 (evidence is write-once: UPDATE on evidence_files)');
END;

CREATE TRIGGER "tr_evidence_files_no_delete" BEFORE DELETE ON "evidence_files"
BEGIN
    SELECT RAISE(ABORT, '证据材料只写一次，不可修改或删除 (evidence is write-once: DELETE on evidence_files)');
END;
