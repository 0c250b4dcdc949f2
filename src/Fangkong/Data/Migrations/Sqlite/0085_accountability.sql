-- 0085 accountability (Sqlite): accountability cases (追责问责) with the officials named and the
-- measures decided, the findings they answer for, and public notices (通报) composed of decided
-- cases (issue 7 items 4 and 5). Times are UTC milliseconds (INTEGER); dates are ISO text.

CREATE TABLE "accountability_cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accountability_cases" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "consequence" TEXT NULL,
    "incident_date" TEXT NULL,
    "incident_links" TEXT NULL,
    "status" TEXT NOT NULL,
    "deciding_body" TEXT NULL,
    "decided_on" TEXT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE INDEX "ix_accountability_cases_region_code_status" ON "accountability_cases" ("region_code", "status");

CREATE TABLE "accountable_officials" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accountable_officials" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "post" TEXT NOT NULL,
    "official_region" TEXT NULL,
    "responsibility" TEXT NOT NULL,
    "responsibility_note" TEXT NULL,
    "measures" TEXT NOT NULL,
    CONSTRAINT "fk_accountable_officials_accountability_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "accountability_cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_accountable_officials_case_id" ON "accountable_officials" ("case_id");

CREATE INDEX "ix_accountable_officials_region_code" ON "accountable_officials" ("region_code");

CREATE TABLE "accountability_case_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accountability_case_findings" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "finding_id" INTEGER NOT NULL,
    CONSTRAINT "fk_accountability_case_findings_accountability_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "accountability_cases" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_accountability_case_findings_case_id_finding_id" ON "accountability_case_findings" ("case_id", "finding_id");

CREATE INDEX "ix_accountability_case_findings_finding_id" ON "accountability_case_findings" ("finding_id");

CREATE TABLE "public_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_public_notices" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "opening" TEXT NOT NULL,
    "closing" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE INDEX "ix_public_notices_region_code" ON "public_notices" ("region_code");

CREATE TABLE "public_notice_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_public_notice_items" PRIMARY KEY AUTOINCREMENT,
    "notice_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    CONSTRAINT "fk_public_notice_items_public_notices_notice_id" FOREIGN KEY ("notice_id") REFERENCES "public_notices" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_public_notice_items_notice_id_position" ON "public_notice_items" ("notice_id", "position");

CREATE INDEX "ix_public_notice_items_case_id" ON "public_notice_items" ("case_id");
