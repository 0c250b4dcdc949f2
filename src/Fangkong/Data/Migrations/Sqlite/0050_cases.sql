-- 0050 cases (Sqlite): plan versions as data, cases with their severity history, close and
-- secondary contacts with the quarantine order of the version they were identified under (issue 4).
-- Dates are ISO text (yyyy-MM-dd), which sorts and compares as dates.

CREATE TABLE "policy_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_policy_versions" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_prefix" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "look_back_days" INTEGER NOT NULL,
    "close_central_days" INTEGER NOT NULL,
    "close_home_days" INTEGER NOT NULL,
    "close_central_test_days" TEXT NOT NULL,
    "close_home_test_days" TEXT NOT NULL,
    "secondary_central_days" INTEGER NOT NULL,
    "secondary_home_days" INTEGER NOT NULL,
    "secondary_central_test_days" TEXT NOT NULL,
    "secondary_home_test_days" TEXT NOT NULL,
    "release_min_ct" REAL NOT NULL,
    "release_consecutive_tests" INTEGER NOT NULL,
    "release_interval_hours" INTEGER NOT NULL,
    "release_home_monitoring_days" INTEGER NOT NULL,
    "investigation_deadline_hours" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_policy_versions_code" ON "policy_versions" ("code");

CREATE TABLE "cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY AUTOINCREMENT,
    "case_no" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "id_number" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NULL,
    "reported_severity" TEXT NULL,
    "reported_on" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "converted_from_case_no" TEXT NULL,
    "outcome" TEXT NULL,
    "outcome_on" TEXT NULL
);

CREATE UNIQUE INDEX "ix_cases_case_no" ON "cases" ("case_no");

CREATE INDEX "ix_cases_region_code" ON "cases" ("region_code");

CREATE INDEX "ix_cases_reported_on" ON "cases" ("reported_on");

CREATE INDEX "ix_cases_outcome_on" ON "cases" ("outcome_on");

CREATE INDEX "ix_cases_converted_from_case_no" ON "cases" ("converted_from_case_no");

CREATE INDEX "ix_cases_id_number" ON "cases" ("id_number");

CREATE TABLE "case_severity_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_severity_changes" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "changed_on" TEXT NOT NULL,
    CONSTRAINT "fk_case_severity_changes_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_case_severity_changes_case_id" ON "case_severity_changes" ("case_id");

CREATE TABLE "contacts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_contacts" PRIMARY KEY AUTOINCREMENT,
    "contact_no" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_case_no" TEXT NULL,
    "source_contact_no" TEXT NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "exposure_on" TEXT NULL,
    "identified_on" TEXT NOT NULL,
    "released_on" TEXT NULL,
    "policy_version_id" INTEGER NOT NULL,
    "quarantine_place" TEXT NOT NULL,
    "central_days" INTEGER NOT NULL,
    "home_days" INTEGER NOT NULL,
    "central_test_days" TEXT NOT NULL,
    "home_test_days" TEXT NOT NULL,
    CONSTRAINT "fk_contacts_policy_versions_policy_version_id" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_contacts_contact_no" ON "contacts" ("contact_no");

CREATE INDEX "ix_contacts_region_code" ON "contacts" ("region_code");

CREATE INDEX "ix_contacts_source_case_no" ON "contacts" ("source_case_no");

CREATE INDEX "ix_contacts_source_contact_no" ON "contacts" ("source_contact_no");

-- Covers the bulletin's cumulative count (identified and released by a day, within a region).
CREATE INDEX "ix_contacts_kind_identified_on_released_on_region_code" ON "contacts" ("kind", "identified_on", "released_on", "region_code");

CREATE INDEX "ix_contacts_policy_version_id" ON "contacts" ("policy_version_id");

-- The two national editions in force during and after the Jilin outbreak (DOMAIN §2).
INSERT INTO "policy_versions" ("code", "name", "region_prefix", "effective_from", "look_back_days",
    "close_central_days", "close_home_days", "close_central_test_days", "close_home_test_days",
    "secondary_central_days", "secondary_home_days", "secondary_central_test_days", "secondary_home_test_days",
    "release_min_ct", "release_consecutive_tests", "release_interval_hours", "release_home_monitoring_days", "investigation_deadline_hours")
VALUES
    ('national-8', '新型冠状病毒肺炎防控方案（第八版）', '', '2021-05-11', 2,
     14, 7, '1,4,7,14', '', 7, 0, '1,4,7', '', 35, 2, 24, 7, 24),
    ('national-9', '新型冠状病毒肺炎防控方案（第九版）', '', '2022-06-28', 4,
     7, 3, '1,2,3,5,7', '3', 0, 7, '', '1,4,7', 35, 2, 24, 7, 24);
