-- 0150 foreign keys (Sqlite, issue 13 item 5): the same keys as on PostgreSQL (see there and
-- docs/decisions/0025-schema-drift-and-foreign-keys.md). SQLite adds a foreign key only by
-- rebuilding the table (sqlite.org/lang_altertable.html, "other kinds of table schema changes"):
-- the migrator runs this with enforcement off and runs PRAGMA foreign_key_check before it
-- commits, so a row pointing at nothing stops the migration and names its table.
-- Per table: the new table is the old one's DDL plus its keys; rows are copied with their ids;
-- the AUTOINCREMENT counter is carried over (ids are never reused); the old table goes and the
-- new one takes its name (other tables' keys name it, so they point at the new one); then every
-- index of the old table is created again as it was, and the keys' new indexes. None of these
-- tables has a trigger (the resident_counts triggers of 0130 are on persons, not rebuilt here).
-- An index or column that a later-numbered branch adds to one of these tables before 0150 must
-- be carried here too: SchemaDriftTests names any that goes missing.

-- area_designations: proposal_id -> area_proposals
CREATE TABLE "area_designations_0150" (
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
    "ended_by" TEXT NULL,
    CONSTRAINT "fk_area_designations_area_proposals_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "area_proposals" ("id")
);
INSERT INTO "area_designations_0150" ("id", "unit_kind", "region_code", "unit_id", "unit_name", "scheme", "level", "starts_on", "ends_on", "reason", "approving_body", "approved_by", "proposal_id", "end_reason", "ended_by")
SELECT "id", "unit_kind", "region_code", "unit_id", "unit_name", "scheme", "level", "starts_on", "ends_on", "reason", "approving_body", "approved_by", "proposal_id", "end_reason", "ended_by" FROM "area_designations";
DELETE FROM sqlite_sequence WHERE name = 'area_designations_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'area_designations_0150', seq FROM sqlite_sequence WHERE name = 'area_designations';
DROP TABLE "area_designations";
ALTER TABLE "area_designations_0150" RENAME TO "area_designations";
CREATE INDEX "ix_area_designations_region_code_ends_on" ON "area_designations" ("region_code", "ends_on");
CREATE INDEX "ix_area_designations_unit_kind_unit_id" ON "area_designations" ("unit_kind", "unit_id");
CREATE INDEX "ix_area_designations_proposal_id" ON "area_designations" ("proposal_id");

-- cluster_events: other_cluster_id -> clusters
CREATE TABLE "cluster_events_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cluster_events" PRIMARY KEY AUTOINCREMENT,
    "cluster_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "other_cluster_id" INTEGER NULL,
    "case_count" INTEGER NOT NULL,
    CONSTRAINT "fk_cluster_events_clusters_cluster_id" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_cluster_events_clusters_other_cluster_id" FOREIGN KEY ("other_cluster_id") REFERENCES "clusters" ("id")
);
INSERT INTO "cluster_events_0150" ("id", "cluster_id", "kind", "on", "other_cluster_id", "case_count")
SELECT "id", "cluster_id", "kind", "on", "other_cluster_id", "case_count" FROM "cluster_events";
DELETE FROM sqlite_sequence WHERE name = 'cluster_events_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'cluster_events_0150', seq FROM sqlite_sequence WHERE name = 'cluster_events';
DROP TABLE "cluster_events";
ALTER TABLE "cluster_events_0150" RENAME TO "cluster_events";
CREATE INDEX "ix_cluster_events_cluster_id" ON "cluster_events" ("cluster_id");
CREATE INDEX "ix_cluster_events_other_cluster_id" ON "cluster_events" ("other_cluster_id");

-- clusters: merged_into_id -> clusters, place_id -> places
CREATE TABLE "clusters_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_clusters" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "target_key" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    "place_name" TEXT NULL,
    "place_kind" TEXT NULL,
    "household_no" TEXT NULL,
    "is_nosocomial" INTEGER NOT NULL,
    "needs_supervision" INTEGER NOT NULL,
    "case_count" INTEGER NOT NULL,
    "first_case_on" TEXT NOT NULL,
    "last_case_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "merged_into_id" INTEGER NULL,
    "formed_on" TEXT NOT NULL,
    "updated_on" TEXT NOT NULL,
    CONSTRAINT "fk_clusters_clusters_merged_into_id" FOREIGN KEY ("merged_into_id") REFERENCES "clusters" ("id"),
    CONSTRAINT "fk_clusters_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id")
);
INSERT INTO "clusters_0150" ("id", "region_code", "target_key", "place_id", "place_name", "place_kind", "household_no", "is_nosocomial", "needs_supervision", "case_count", "first_case_on", "last_case_on", "status", "merged_into_id", "formed_on", "updated_on")
SELECT "id", "region_code", "target_key", "place_id", "place_name", "place_kind", "household_no", "is_nosocomial", "needs_supervision", "case_count", "first_case_on", "last_case_on", "status", "merged_into_id", "formed_on", "updated_on" FROM "clusters";
DELETE FROM sqlite_sequence WHERE name = 'clusters_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'clusters_0150', seq FROM sqlite_sequence WHERE name = 'clusters';
DROP TABLE "clusters";
ALTER TABLE "clusters_0150" RENAME TO "clusters";
CREATE INDEX "ix_clusters_region_code" ON "clusters" ("region_code");
CREATE INDEX "ix_clusters_status_last_case_on" ON "clusters" ("status", "last_case_on");
CREATE INDEX "ix_clusters_merged_into_id" ON "clusters" ("merged_into_id");
CREATE INDEX "ix_clusters_place_id" ON "clusters" ("place_id");

-- community_alerts: round_id -> testing_rounds, tube_id -> tubes
CREATE TABLE "community_alerts_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_community_alerts" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "round_id" INTEGER NOT NULL,
    "tube_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "people" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "acknowledged_at" INTEGER NULL,
    "acknowledged_by" TEXT NULL,
    CONSTRAINT "fk_community_alerts_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id"),
    CONSTRAINT "fk_community_alerts_tubes_tube_id" FOREIGN KEY ("tube_id") REFERENCES "tubes" ("id")
);
INSERT INTO "community_alerts_0150" ("id", "region_code", "round_id", "tube_id", "kind", "people", "created_at", "acknowledged_at", "acknowledged_by")
SELECT "id", "region_code", "round_id", "tube_id", "kind", "people", "created_at", "acknowledged_at", "acknowledged_by" FROM "community_alerts";
DELETE FROM sqlite_sequence WHERE name = 'community_alerts_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'community_alerts_0150', seq FROM sqlite_sequence WHERE name = 'community_alerts';
DROP TABLE "community_alerts";
ALTER TABLE "community_alerts_0150" RENAME TO "community_alerts";
CREATE INDEX "ix_community_alerts_region_code" ON "community_alerts" ("region_code");
CREATE UNIQUE INDEX "ix_community_alerts_tube_id_region_code" ON "community_alerts" ("tube_id", "region_code");
CREATE INDEX "ix_community_alerts_round_id" ON "community_alerts" ("round_id");

-- confirmation_tasks: antigen_report_id -> antigen_reports, tube_id -> tubes
CREATE TABLE "confirmation_tasks_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_confirmation_tasks" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "antigen_report_id" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "tube_id" INTEGER NULL,
    "resolved_at" INTEGER NULL,
    CONSTRAINT "fk_confirmation_tasks_antigen_reports_antigen_report_id" FOREIGN KEY ("antigen_report_id") REFERENCES "antigen_reports" ("id"),
    CONSTRAINT "fk_confirmation_tasks_tubes_tube_id" FOREIGN KEY ("tube_id") REFERENCES "tubes" ("id")
);
INSERT INTO "confirmation_tasks_0150" ("id", "person_id", "region_code", "antigen_report_id", "created_at", "status", "tube_id", "resolved_at")
SELECT "id", "person_id", "region_code", "antigen_report_id", "created_at", "status", "tube_id", "resolved_at" FROM "confirmation_tasks";
DELETE FROM sqlite_sequence WHERE name = 'confirmation_tasks_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'confirmation_tasks_0150', seq FROM sqlite_sequence WHERE name = 'confirmation_tasks';
DROP TABLE "confirmation_tasks";
ALTER TABLE "confirmation_tasks_0150" RENAME TO "confirmation_tasks";
CREATE INDEX "ix_confirmation_tasks_person_id_status" ON "confirmation_tasks" ("person_id", "status");
CREATE INDEX "ix_confirmation_tasks_region_code" ON "confirmation_tasks" ("region_code");
CREATE INDEX "ix_confirmation_tasks_antigen_report_id" ON "confirmation_tasks" ("antigen_report_id");
CREATE INDEX "ix_confirmation_tasks_tube_id" ON "confirmation_tasks" ("tube_id");

-- control_orders: round_id -> testing_rounds, tube_id -> tubes
CREATE TABLE "control_orders_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_control_orders" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "tube_id" INTEGER NULL,
    "round_id" INTEGER NULL,
    "started_at" INTEGER NOT NULL,
    "ended_at" INTEGER NULL,
    "outcome" TEXT NULL,
    CONSTRAINT "fk_control_orders_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id"),
    CONSTRAINT "fk_control_orders_tubes_tube_id" FOREIGN KEY ("tube_id") REFERENCES "tubes" ("id")
);
INSERT INTO "control_orders_0150" ("id", "person_id", "region_code", "reason", "tube_id", "round_id", "started_at", "ended_at", "outcome")
SELECT "id", "person_id", "region_code", "reason", "tube_id", "round_id", "started_at", "ended_at", "outcome" FROM "control_orders";
DELETE FROM sqlite_sequence WHERE name = 'control_orders_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'control_orders_0150', seq FROM sqlite_sequence WHERE name = 'control_orders';
DROP TABLE "control_orders";
ALTER TABLE "control_orders_0150" RENAME TO "control_orders";
CREATE INDEX "ix_control_orders_person_id" ON "control_orders" ("person_id");
CREATE INDEX "ix_control_orders_region_code" ON "control_orders" ("region_code");
CREATE INDEX "ix_control_orders_tube_id" ON "control_orders" ("tube_id");
CREATE INDEX "ix_control_orders_round_id" ON "control_orders" ("round_id");

-- positive_persons: round_id -> testing_rounds, tube_id -> tubes
CREATE TABLE "positive_persons_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_positive_persons" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "tube_id" INTEGER NOT NULL,
    "round_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "found_at" INTEGER NOT NULL,
    "case_no" TEXT NULL,
    "reported_at" INTEGER NULL,
    CONSTRAINT "fk_positive_persons_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id"),
    CONSTRAINT "fk_positive_persons_tubes_tube_id" FOREIGN KEY ("tube_id") REFERENCES "tubes" ("id")
);
INSERT INTO "positive_persons_0150" ("id", "person_id", "region_code", "tube_id", "round_id", "source", "found_at", "case_no", "reported_at")
SELECT "id", "person_id", "region_code", "tube_id", "round_id", "source", "found_at", "case_no", "reported_at" FROM "positive_persons";
DELETE FROM sqlite_sequence WHERE name = 'positive_persons_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'positive_persons_0150', seq FROM sqlite_sequence WHERE name = 'positive_persons';
DROP TABLE "positive_persons";
ALTER TABLE "positive_persons_0150" RENAME TO "positive_persons";
CREATE INDEX "ix_positive_persons_case_no" ON "positive_persons" ("case_no");
CREATE INDEX "ix_positive_persons_region_code" ON "positive_persons" ("region_code");
CREATE UNIQUE INDEX "ix_positive_persons_tube_id_person_id" ON "positive_persons" ("tube_id", "person_id");
CREATE INDEX "ix_positive_persons_round_id" ON "positive_persons" ("round_id");

-- resample_tasks: round_id -> testing_rounds, source_tube_id -> tubes, retest_tube_id -> tubes
CREATE TABLE "resample_tasks_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_resample_tasks" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "round_id" INTEGER NOT NULL,
    "source_tube_id" INTEGER NOT NULL,
    "retest_tube_id" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "resolved_at" INTEGER NULL,
    CONSTRAINT "fk_resample_tasks_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id"),
    CONSTRAINT "fk_resample_tasks_tubes_source_tube_id" FOREIGN KEY ("source_tube_id") REFERENCES "tubes" ("id"),
    CONSTRAINT "fk_resample_tasks_tubes_retest_tube_id" FOREIGN KEY ("retest_tube_id") REFERENCES "tubes" ("id")
);
INSERT INTO "resample_tasks_0150" ("id", "person_id", "region_code", "round_id", "source_tube_id", "retest_tube_id", "created_at", "status", "resolved_at")
SELECT "id", "person_id", "region_code", "round_id", "source_tube_id", "retest_tube_id", "created_at", "status", "resolved_at" FROM "resample_tasks";
DELETE FROM sqlite_sequence WHERE name = 'resample_tasks_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'resample_tasks_0150', seq FROM sqlite_sequence WHERE name = 'resample_tasks';
DROP TABLE "resample_tasks";
ALTER TABLE "resample_tasks_0150" RENAME TO "resample_tasks";
CREATE INDEX "ix_resample_tasks_region_code" ON "resample_tasks" ("region_code");
CREATE INDEX "ix_resample_tasks_round_id_person_id" ON "resample_tasks" ("round_id", "person_id");
CREATE INDEX "ix_resample_tasks_source_tube_id" ON "resample_tasks" ("source_tube_id");
CREATE INDEX "ix_resample_tasks_retest_tube_id" ON "resample_tasks" ("retest_tube_id");

-- tubes: sampling_point_id -> sampling_points
CREATE TABLE "tubes_0150" (
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
    "traced_at" INTEGER NULL, "sampling_point_id" INTEGER NULL, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_tubes_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_tubes_sampling_points_sampling_point_id" FOREIGN KEY ("sampling_point_id") REFERENCES "sampling_points" ("id")
);
INSERT INTO "tubes_0150" ("id", "round_id", "barcode", "pool_size", "region_code", "sampling_point", "opened_at", "sample_count", "result", "ct_n", "ct_orf", "lab", "reported_at", "result_received_at", "traced_at", "sampling_point_id", "version")
SELECT "id", "round_id", "barcode", "pool_size", "region_code", "sampling_point", "opened_at", "sample_count", "result", "ct_n", "ct_orf", "lab", "reported_at", "result_received_at", "traced_at", "sampling_point_id", "version" FROM "tubes";
DELETE FROM sqlite_sequence WHERE name = 'tubes_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'tubes_0150', seq FROM sqlite_sequence WHERE name = 'tubes';
DROP TABLE "tubes";
ALTER TABLE "tubes_0150" RENAME TO "tubes";
CREATE UNIQUE INDEX "ix_tubes_barcode" ON "tubes" ("barcode");
CREATE INDEX "ix_tubes_region_code" ON "tubes" ("region_code");
CREATE INDEX "ix_tubes_round_id_result" ON "tubes" ("round_id", "result");
CREATE INDEX "ix_tubes_sampling_point_id" ON "tubes" ("sampling_point_id");

-- sampling_points: place_id -> places
CREATE TABLE "sampling_points_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sampling_points" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    CONSTRAINT "fk_sampling_points_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id")
);
INSERT INTO "sampling_points_0150" ("id", "region_code", "name", "kind", "place_id", "opens_at", "closes_at")
SELECT "id", "region_code", "name", "kind", "place_id", "opens_at", "closes_at" FROM "sampling_points";
DELETE FROM sqlite_sequence WHERE name = 'sampling_points_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'sampling_points_0150', seq FROM sqlite_sequence WHERE name = 'sampling_points';
DROP TABLE "sampling_points";
ALTER TABLE "sampling_points_0150" RENAME TO "sampling_points";
CREATE UNIQUE INDEX "ix_sampling_points_region_code_name" ON "sampling_points" ("region_code", "name");
CREATE INDEX "ix_sampling_points_place_id" ON "sampling_points" ("place_id");

-- findings: inspection_id -> inspections, inspection_result_id -> inspection_results, verified_by_inspection_id -> inspections
CREATE TABLE "findings_0150" (
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
    "escalated_at" INTEGER NULL, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_findings_officials_responsible_official_id" FOREIGN KEY ("responsible_official_id") REFERENCES "officials" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_findings_organisations_responsible_organisation_id" FOREIGN KEY ("responsible_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_findings_inspections_inspection_id" FOREIGN KEY ("inspection_id") REFERENCES "inspections" ("id"),
    CONSTRAINT "fk_findings_inspection_results_inspection_result_id" FOREIGN KEY ("inspection_result_id") REFERENCES "inspection_results" ("id"),
    CONSTRAINT "fk_findings_inspections_verified_by_inspection_id" FOREIGN KEY ("verified_by_inspection_id") REFERENCES "inspections" ("id")
);
INSERT INTO "findings_0150" ("id", "region_code", "source", "inspection_id", "inspection_result_id", "complaint_ref", "detector_key", "dedupe_key", "title", "description", "category", "severity", "responsible_organisation_id", "responsible_unit", "responsible_official_id", "responsible_person", "deadline", "status", "raised_by", "raised_at", "rectification", "rectified_by", "rectified_at", "rejections", "verified_by", "verified_at", "verified_by_inspection_id", "escalation_level", "escalated_to", "escalated_at", "version")
SELECT "id", "region_code", "source", "inspection_id", "inspection_result_id", "complaint_ref", "detector_key", "dedupe_key", "title", "description", "category", "severity", "responsible_organisation_id", "responsible_unit", "responsible_official_id", "responsible_person", "deadline", "status", "raised_by", "raised_at", "rectification", "rectified_by", "rectified_at", "rejections", "verified_by", "verified_at", "verified_by_inspection_id", "escalation_level", "escalated_to", "escalated_at", "version" FROM "findings";
DELETE FROM sqlite_sequence WHERE name = 'findings_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'findings_0150', seq FROM sqlite_sequence WHERE name = 'findings';
DROP TABLE "findings";
ALTER TABLE "findings_0150" RENAME TO "findings";
CREATE UNIQUE INDEX "ix_findings_dedupe_key" ON "findings" ("dedupe_key");
CREATE INDEX "ix_findings_inspection_id" ON "findings" ("inspection_id");
CREATE INDEX "ix_findings_region_code_status" ON "findings" ("region_code", "status");
CREATE INDEX "ix_findings_responsible_official_id" ON "findings" ("responsible_official_id");
CREATE INDEX "ix_findings_responsible_organisation_id" ON "findings" ("responsible_organisation_id");
CREATE INDEX "ix_findings_status_deadline" ON "findings" ("status", "deadline");
CREATE INDEX "ix_findings_inspection_result_id" ON "findings" ("inspection_result_id");
CREATE INDEX "ix_findings_verified_by_inspection_id" ON "findings" ("verified_by_inspection_id");

-- inspection_results: finding_id -> findings
CREATE TABLE "inspection_results_0150" (
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
    CONSTRAINT "fk_inspection_results_inspections_inspection_id" FOREIGN KEY ("inspection_id") REFERENCES "inspections" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_inspection_results_findings_finding_id" FOREIGN KEY ("finding_id") REFERENCES "findings" ("id")
);
INSERT INTO "inspection_results_0150" ("id", "inspection_id", "region_code", "checklist_item_id", "item_no", "outcome", "note", "recorded_by", "recorded_at", "finding_id")
SELECT "id", "inspection_id", "region_code", "checklist_item_id", "item_no", "outcome", "note", "recorded_by", "recorded_at", "finding_id" FROM "inspection_results";
DELETE FROM sqlite_sequence WHERE name = 'inspection_results_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'inspection_results_0150', seq FROM sqlite_sequence WHERE name = 'inspection_results';
DROP TABLE "inspection_results";
ALTER TABLE "inspection_results_0150" RENAME TO "inspection_results";
CREATE INDEX "ix_inspection_results_checklist_item_id" ON "inspection_results" ("checklist_item_id");
CREATE UNIQUE INDEX "ix_inspection_results_inspection_id_checklist_item_id" ON "inspection_results" ("inspection_id", "checklist_item_id");
CREATE INDEX "ix_inspection_results_region_code" ON "inspection_results" ("region_code");
CREATE INDEX "ix_inspection_results_finding_id" ON "inspection_results" ("finding_id");

-- inspections: review_of_inspection_id -> inspections, place_id -> places, organisation_id -> organisations
CREATE TABLE "inspections_0150" (
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
    CONSTRAINT "fk_inspections_checklist_templates_checklist_template_id" FOREIGN KEY ("checklist_template_id") REFERENCES "checklist_templates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_inspections_inspections_review_of_inspection_id" FOREIGN KEY ("review_of_inspection_id") REFERENCES "inspections" ("id"),
    CONSTRAINT "fk_inspections_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id"),
    CONSTRAINT "fk_inspections_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id")
);
INSERT INTO "inspections_0150" ("id", "kind", "target_kind", "region_code", "place_id", "organisation_id", "target_name", "checklist_template_id", "inspectors", "planned_on", "review_of_inspection_id", "status", "created_by", "created_at", "started_at", "completed_at", "summary")
SELECT "id", "kind", "target_kind", "region_code", "place_id", "organisation_id", "target_name", "checklist_template_id", "inspectors", "planned_on", "review_of_inspection_id", "status", "created_by", "created_at", "started_at", "completed_at", "summary" FROM "inspections";
DELETE FROM sqlite_sequence WHERE name = 'inspections_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'inspections_0150', seq FROM sqlite_sequence WHERE name = 'inspections';
DROP TABLE "inspections";
ALTER TABLE "inspections_0150" RENAME TO "inspections";
CREATE INDEX "ix_inspections_checklist_template_id" ON "inspections" ("checklist_template_id");
CREATE INDEX "ix_inspections_planned_on" ON "inspections" ("planned_on");
CREATE INDEX "ix_inspections_region_code_status" ON "inspections" ("region_code", "status");
CREATE INDEX "ix_inspections_review_of_inspection_id" ON "inspections" ("review_of_inspection_id");
CREATE INDEX "ix_inspections_place_id" ON "inspections" ("place_id");
CREATE INDEX "ix_inspections_organisation_id" ON "inspections" ("organisation_id");

-- pass_events: pass_id -> passes
CREATE TABLE "pass_events_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_events" PRIMARY KEY AUTOINCREMENT,
    "pass_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_pass_events_passes_pass_id" FOREIGN KEY ("pass_id") REFERENCES "passes" ("id")
);
INSERT INTO "pass_events_0150" ("id", "pass_id", "region_code", "action", "by", "at", "note")
SELECT "id", "pass_id", "region_code", "action", "by", "at", "note" FROM "pass_events";
DELETE FROM sqlite_sequence WHERE name = 'pass_events_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'pass_events_0150', seq FROM sqlite_sequence WHERE name = 'pass_events';
DROP TABLE "pass_events";
ALTER TABLE "pass_events_0150" RENAME TO "pass_events";
CREATE INDEX "ix_pass_events_pass_id" ON "pass_events" ("pass_id");
CREATE INDEX "ix_pass_events_region_code" ON "pass_events" ("region_code");

-- passes: organisation_id -> organisations
CREATE TABLE "passes_0150" (
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
, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_passes_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id")
);
INSERT INTO "passes_0150" ("id", "kind", "organisation_id", "region_code", "regions", "holder_name", "holder_id_number", "plate", "purpose", "valid_from", "valid_to", "status", "applied_by", "applied_at", "decided_by", "decided_at", "note", "token", "revoked_at", "version")
SELECT "id", "kind", "organisation_id", "region_code", "regions", "holder_name", "holder_id_number", "plate", "purpose", "valid_from", "valid_to", "status", "applied_by", "applied_at", "decided_by", "decided_at", "note", "token", "revoked_at", "version" FROM "passes";
DELETE FROM sqlite_sequence WHERE name = 'passes_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'passes_0150', seq FROM sqlite_sequence WHERE name = 'passes';
DROP TABLE "passes";
ALTER TABLE "passes_0150" RENAME TO "passes";
CREATE INDEX "ix_passes_organisation_id_kind_status" ON "passes" ("organisation_id", "kind", "status");
CREATE INDEX "ix_passes_region_code_status" ON "passes" ("region_code", "status");
CREATE INDEX "ix_passes_revoked_at" ON "passes" ("revoked_at");

-- pass_quotas: organisation_id -> organisations
CREATE TABLE "pass_quotas_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_pass_quotas" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,
    CONSTRAINT "fk_pass_quotas_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id")
);
INSERT INTO "pass_quotas_0150" ("id", "organisation_id", "region_code", "kind", "limit")
SELECT "id", "organisation_id", "region_code", "kind", "limit" FROM "pass_quotas";
DELETE FROM sqlite_sequence WHERE name = 'pass_quotas_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'pass_quotas_0150', seq FROM sqlite_sequence WHERE name = 'pass_quotas';
DROP TABLE "pass_quotas";
ALTER TABLE "pass_quotas_0150" RENAME TO "pass_quotas";
CREATE UNIQUE INDEX "ix_pass_quotas_organisation_id_kind" ON "pass_quotas" ("organisation_id", "kind");
CREATE INDEX "ix_pass_quotas_region_code" ON "pass_quotas" ("region_code");

-- public_notice_items: case_id -> accountability_cases
CREATE TABLE "public_notice_items_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_public_notice_items" PRIMARY KEY AUTOINCREMENT,
    "notice_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    CONSTRAINT "fk_public_notice_items_public_notices_notice_id" FOREIGN KEY ("notice_id") REFERENCES "public_notices" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_public_notice_items_accountability_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "accountability_cases" ("id")
);
INSERT INTO "public_notice_items_0150" ("id", "notice_id", "region_code", "position", "case_id")
SELECT "id", "notice_id", "region_code", "position", "case_id" FROM "public_notice_items";
DELETE FROM sqlite_sequence WHERE name = 'public_notice_items_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'public_notice_items_0150', seq FROM sqlite_sequence WHERE name = 'public_notice_items';
DROP TABLE "public_notice_items";
ALTER TABLE "public_notice_items_0150" RENAME TO "public_notice_items";
CREATE INDEX "ix_public_notice_items_case_id" ON "public_notice_items" ("case_id");
CREATE UNIQUE INDEX "ix_public_notice_items_notice_id_position" ON "public_notice_items" ("notice_id", "position");

-- placements: section_id -> site_sections, room_id -> quarantine_rooms, bed_id -> hospital_beds, dependant_of_placement_id -> placements, previous_placement_id -> placements, allocation_run_id -> allocation_runs
CREATE TABLE "placements_0150" (
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
    "distance_km" REAL NULL, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_placements_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id"),
    CONSTRAINT "fk_placements_site_sections_section_id" FOREIGN KEY ("section_id") REFERENCES "site_sections" ("id"),
    CONSTRAINT "fk_placements_quarantine_rooms_room_id" FOREIGN KEY ("room_id") REFERENCES "quarantine_rooms" ("id"),
    CONSTRAINT "fk_placements_hospital_beds_bed_id" FOREIGN KEY ("bed_id") REFERENCES "hospital_beds" ("id"),
    CONSTRAINT "fk_placements_placements_dependant_of_placement_id" FOREIGN KEY ("dependant_of_placement_id") REFERENCES "placements" ("id"),
    CONSTRAINT "fk_placements_placements_previous_placement_id" FOREIGN KEY ("previous_placement_id") REFERENCES "placements" ("id"),
    CONSTRAINT "fk_placements_allocation_runs_allocation_run_id" FOREIGN KEY ("allocation_run_id") REFERENCES "allocation_runs" ("id")
);
INSERT INTO "placements_0150" ("id", "region_code", "kind", "person_id", "contact_id", "case_id", "name", "severity", "site_id", "section_id", "room_id", "bed_id", "dependant_of_placement_id", "dependant_reason", "identified_at", "placed_at", "checked_in_at", "released_at", "state", "reason", "end_reason", "previous_placement_id", "allocation_run_id", "placed_by", "distance_km", "version")
SELECT "id", "region_code", "kind", "person_id", "contact_id", "case_id", "name", "severity", "site_id", "section_id", "room_id", "bed_id", "dependant_of_placement_id", "dependant_reason", "identified_at", "placed_at", "checked_in_at", "released_at", "state", "reason", "end_reason", "previous_placement_id", "allocation_run_id", "placed_by", "distance_km", "version" FROM "placements";
DELETE FROM sqlite_sequence WHERE name = 'placements_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'placements_0150', seq FROM sqlite_sequence WHERE name = 'placements';
DROP TABLE "placements";
ALTER TABLE "placements_0150" RENAME TO "placements";
CREATE INDEX "ix_placements_bed_id" ON "placements" ("bed_id");
CREATE INDEX "ix_placements_case_id" ON "placements" ("case_id");
CREATE INDEX "ix_placements_contact_id" ON "placements" ("contact_id");
CREATE INDEX "ix_placements_person_id" ON "placements" ("person_id");
CREATE INDEX "ix_placements_region_code_state" ON "placements" ("region_code", "state");
CREATE INDEX "ix_placements_room_id" ON "placements" ("room_id");
CREATE INDEX "ix_placements_section_id_state" ON "placements" ("section_id", "state");
CREATE INDEX "ix_placements_site_id_state" ON "placements" ("site_id", "state");
CREATE INDEX "ix_placements_dependant_of_placement_id" ON "placements" ("dependant_of_placement_id");
CREATE INDEX "ix_placements_previous_placement_id" ON "placements" ("previous_placement_id");
CREATE INDEX "ix_placements_allocation_run_id" ON "placements" ("allocation_run_id");
-- One open placement per person (0140): the rebuild must keep its partial unique indexes.
CREATE UNIQUE INDEX "ux_placements_open_contact" ON "placements" ("contact_id")
    WHERE contact_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX "ux_placements_open_case" ON "placements" ("case_id")
    WHERE case_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX "ux_placements_open_pool_member" ON "placements" ("person_id")
    WHERE kind = 'PositivePoolMember' AND person_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');

-- space_turnovers: site_id -> quarantine_sites, room_id -> quarantine_rooms, bed_id -> hospital_beds, placement_id -> placements
CREATE TABLE "space_turnovers_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_space_turnovers" PRIMARY KEY AUTOINCREMENT,
    "site_id" INTEGER NOT NULL,
    "room_id" INTEGER NULL,
    "bed_id" INTEGER NULL,
    "space_number" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "placement_id" INTEGER NOT NULL,
    "released_at" INTEGER NOT NULL,
    "available_at" INTEGER NULL,
    CONSTRAINT "fk_space_turnovers_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id"),
    CONSTRAINT "fk_space_turnovers_quarantine_rooms_room_id" FOREIGN KEY ("room_id") REFERENCES "quarantine_rooms" ("id"),
    CONSTRAINT "fk_space_turnovers_hospital_beds_bed_id" FOREIGN KEY ("bed_id") REFERENCES "hospital_beds" ("id"),
    CONSTRAINT "fk_space_turnovers_placements_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placements" ("id")
);
INSERT INTO "space_turnovers_0150" ("id", "site_id", "room_id", "bed_id", "space_number", "region_code", "placement_id", "released_at", "available_at")
SELECT "id", "site_id", "room_id", "bed_id", "space_number", "region_code", "placement_id", "released_at", "available_at" FROM "space_turnovers";
DELETE FROM sqlite_sequence WHERE name = 'space_turnovers_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'space_turnovers_0150', seq FROM sqlite_sequence WHERE name = 'space_turnovers';
DROP TABLE "space_turnovers";
ALTER TABLE "space_turnovers_0150" RENAME TO "space_turnovers";
CREATE INDEX "ix_space_turnovers_bed_id" ON "space_turnovers" ("bed_id");
CREATE INDEX "ix_space_turnovers_region_code" ON "space_turnovers" ("region_code");
CREATE INDEX "ix_space_turnovers_room_id" ON "space_turnovers" ("room_id");
CREATE INDEX "ix_space_turnovers_site_id_released_at" ON "space_turnovers" ("site_id", "released_at");
CREATE INDEX "ix_space_turnovers_placement_id" ON "space_turnovers" ("placement_id");

-- stay_tests: site_id -> quarantine_sites
CREATE TABLE "stay_tests_0150" (
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
    CONSTRAINT "fk_stay_tests_placements_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placements" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_stay_tests_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id")
);
INSERT INTO "stay_tests_0150" ("id", "placement_id", "site_id", "person_id", "region_code", "due_on", "day_number", "scheduled", "taken_at", "result", "ct_n", "ct_orf", "recorded_by")
SELECT "id", "placement_id", "site_id", "person_id", "region_code", "due_on", "day_number", "scheduled", "taken_at", "result", "ct_n", "ct_orf", "recorded_by" FROM "stay_tests";
DELETE FROM sqlite_sequence WHERE name = 'stay_tests_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'stay_tests_0150', seq FROM sqlite_sequence WHERE name = 'stay_tests';
DROP TABLE "stay_tests";
ALTER TABLE "stay_tests_0150" RENAME TO "stay_tests";
CREATE UNIQUE INDEX "ix_stay_tests_placement_id_due_on" ON "stay_tests" ("placement_id", "due_on");
CREATE INDEX "ix_stay_tests_region_code" ON "stay_tests" ("region_code");
CREATE INDEX "ix_stay_tests_site_id_due_on" ON "stay_tests" ("site_id", "due_on");

-- transfer_batches: site_id -> quarantine_sites
CREATE TABLE "transfer_batches_0150" (
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
    "completed_at" INTEGER NULL, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_transfer_batches_transfer_vehicles_vehicle_id" FOREIGN KEY ("vehicle_id") REFERENCES "transfer_vehicles" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_transfer_batches_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id")
);
INSERT INTO "transfer_batches_0150" ("id", "vehicle_id", "region_code", "site_id", "site_name", "passengers", "state", "dispatched_by", "dispatched_at", "picked_up_at", "arrived_at", "completed_at", "version")
SELECT "id", "vehicle_id", "region_code", "site_id", "site_name", "passengers", "state", "dispatched_by", "dispatched_at", "picked_up_at", "arrived_at", "completed_at", "version" FROM "transfer_batches";
DELETE FROM sqlite_sequence WHERE name = 'transfer_batches_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'transfer_batches_0150', seq FROM sqlite_sequence WHERE name = 'transfer_batches';
DROP TABLE "transfer_batches";
ALTER TABLE "transfer_batches_0150" RENAME TO "transfer_batches";
CREATE INDEX "ix_transfer_batches_region_code_state" ON "transfer_batches" ("region_code", "state");
CREATE INDEX "ix_transfer_batches_vehicle_id" ON "transfer_batches" ("vehicle_id");
CREATE INDEX "ix_transfer_batches_site_id" ON "transfer_batches" ("site_id");

-- transfer_tasks: placement_id -> placements, site_id -> quarantine_sites, batch_id -> transfer_batches
CREATE TABLE "transfer_tasks_0150" (
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
, "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_transfer_tasks_placements_placement_id" FOREIGN KEY ("placement_id") REFERENCES "placements" ("id"),
    CONSTRAINT "fk_transfer_tasks_quarantine_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "quarantine_sites" ("id"),
    CONSTRAINT "fk_transfer_tasks_transfer_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "transfer_batches" ("id")
);
INSERT INTO "transfer_tasks_0150" ("id", "placement_id", "person_id", "id_number", "name", "region_code", "compound_id", "from_address", "site_id", "site_name", "site_region_code", "identified_at", "state", "batch_id", "dispatched_at", "picked_up_at", "arrived_at", "checked_in_at", "note", "created_by", "created_at", "version")
SELECT "id", "placement_id", "person_id", "id_number", "name", "region_code", "compound_id", "from_address", "site_id", "site_name", "site_region_code", "identified_at", "state", "batch_id", "dispatched_at", "picked_up_at", "arrived_at", "checked_in_at", "note", "created_by", "created_at", "version" FROM "transfer_tasks";
DELETE FROM sqlite_sequence WHERE name = 'transfer_tasks_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'transfer_tasks_0150', seq FROM sqlite_sequence WHERE name = 'transfer_tasks';
DROP TABLE "transfer_tasks";
ALTER TABLE "transfer_tasks_0150" RENAME TO "transfer_tasks";
CREATE INDEX "ix_transfer_tasks_batch_id" ON "transfer_tasks" ("batch_id");
CREATE INDEX "ix_transfer_tasks_id_number" ON "transfer_tasks" ("id_number");
CREATE INDEX "ix_transfer_tasks_identified_at_checked_in_at" ON "transfer_tasks" ("identified_at", "checked_in_at");
CREATE INDEX "ix_transfer_tasks_placement_id" ON "transfer_tasks" ("placement_id");
CREATE INDEX "ix_transfer_tasks_region_code_state" ON "transfer_tasks" ("region_code", "state");
CREATE INDEX "ix_transfer_tasks_site_id" ON "transfer_tasks" ("site_id");

-- closed_loop_groups: organisation_id -> organisations, place_id -> places
CREATE TABLE "closed_loop_groups_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_closed_loop_groups" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "organisation_id" INTEGER NULL,
    "place_id" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_closed_loop_groups_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id"),
    CONSTRAINT "fk_closed_loop_groups_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id")
);
INSERT INTO "closed_loop_groups_0150" ("id", "name", "region_code", "organisation_id", "place_id", "created_by", "created_at")
SELECT "id", "name", "region_code", "organisation_id", "place_id", "created_by", "created_at" FROM "closed_loop_groups";
DELETE FROM sqlite_sequence WHERE name = 'closed_loop_groups_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'closed_loop_groups_0150', seq FROM sqlite_sequence WHERE name = 'closed_loop_groups';
DROP TABLE "closed_loop_groups";
ALTER TABLE "closed_loop_groups_0150" RENAME TO "closed_loop_groups";
CREATE INDEX "ix_closed_loop_groups_region_code" ON "closed_loop_groups" ("region_code");
CREATE INDEX "ix_closed_loop_groups_organisation_id" ON "closed_loop_groups" ("organisation_id");
CREATE INDEX "ix_closed_loop_groups_place_id" ON "closed_loop_groups" ("place_id");

-- investigation_itinerary: place_id -> places
CREATE TABLE "investigation_itinerary_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_investigation_itinerary" PRIMARY KEY AUTOINCREMENT,
    "investigation_id" INTEGER NOT NULL,
    "from_at" INTEGER NOT NULL,
    "to_at" INTEGER NOT NULL,
    "place_id" INTEGER NULL,
    "compound_id" INTEGER NULL,
    "place_text" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_investigation_itinerary_case_investigations_investigation_id" FOREIGN KEY ("investigation_id") REFERENCES "case_investigations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_investigation_itinerary_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id")
);
INSERT INTO "investigation_itinerary_0150" ("id", "investigation_id", "from_at", "to_at", "place_id", "compound_id", "place_text", "note")
SELECT "id", "investigation_id", "from_at", "to_at", "place_id", "compound_id", "place_text", "note" FROM "investigation_itinerary";
DELETE FROM sqlite_sequence WHERE name = 'investigation_itinerary_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'investigation_itinerary_0150', seq FROM sqlite_sequence WHERE name = 'investigation_itinerary';
DROP TABLE "investigation_itinerary";
ALTER TABLE "investigation_itinerary_0150" RENAME TO "investigation_itinerary";
CREATE INDEX "ix_investigation_itinerary_investigation_id" ON "investigation_itinerary" ("investigation_id");
CREATE INDEX "ix_investigation_itinerary_place_id" ON "investigation_itinerary" ("place_id");

-- organisations: place_id -> places
CREATE TABLE "organisations_0150" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    CONSTRAINT "fk_organisations_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id")
);
INSERT INTO "organisations_0150" ("id", "name", "kind", "region_code", "place_id")
SELECT "id", "name", "kind", "region_code", "place_id" FROM "organisations";
DELETE FROM sqlite_sequence WHERE name = 'organisations_0150';
INSERT INTO sqlite_sequence (name, seq) SELECT 'organisations_0150', seq FROM sqlite_sequence WHERE name = 'organisations';
DROP TABLE "organisations";
ALTER TABLE "organisations_0150" RENAME TO "organisations";
CREATE UNIQUE INDEX "ix_organisations_region_code_name" ON "organisations" ("region_code", "name");
CREATE INDEX "ix_organisations_place_id" ON "organisations" ("place_id");
