-- 0051 investigation (Sqlite): epidemiological investigations (流调) of cases with their
-- itinerary, place check-ins (场所码扫码) and the contact candidates Fangkong proposes (issue 4).
-- Times are UTC milliseconds (INTEGER), as in 0040, so that windows compare as numbers.

CREATE TABLE "case_investigations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_investigations" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "case_no" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "policy_version_id" INTEGER NOT NULL,
    "look_back_days" INTEGER NOT NULL,
    "onset_on" TEXT NULL,
    "investigator" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "deadline_at" INTEGER NOT NULL,
    "submitted_at" INTEGER NULL,
    "closed_at" INTEGER NULL,
    CONSTRAINT "fk_case_investigations_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_case_investigations_policy_versions_policy_version_id" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_case_investigations_case_id" ON "case_investigations" ("case_id");

CREATE INDEX "ix_case_investigations_region_code" ON "case_investigations" ("region_code");

CREATE INDEX "ix_case_investigations_state_deadline_at" ON "case_investigations" ("state", "deadline_at");

CREATE INDEX "ix_case_investigations_policy_version_id" ON "case_investigations" ("policy_version_id");

CREATE TABLE "investigation_itinerary" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_investigation_itinerary" PRIMARY KEY AUTOINCREMENT,
    "investigation_id" INTEGER NOT NULL,
    "from_at" INTEGER NOT NULL,
    "to_at" INTEGER NOT NULL,
    "place_id" INTEGER NULL,
    "compound_id" INTEGER NULL,
    "place_text" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_investigation_itinerary_case_investigations_investigation_id" FOREIGN KEY ("investigation_id") REFERENCES "case_investigations" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_investigation_itinerary_investigation_id" ON "investigation_itinerary" ("investigation_id");

CREATE TABLE "check_ins" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_check_ins" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NULL,
    "id_number" TEXT NOT NULL,
    "place_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "checked_in_at" INTEGER NOT NULL,
    CONSTRAINT "fk_check_ins_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_check_ins_place_id_checked_in_at" ON "check_ins" ("place_id", "checked_in_at");

CREATE INDEX "ix_check_ins_id_number_checked_in_at" ON "check_ins" ("id_number", "checked_in_at");

CREATE INDEX "ix_check_ins_region_code" ON "check_ins" ("region_code");

CREATE TABLE "contact_candidates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_contact_candidates" PRIMARY KEY AUTOINCREMENT,
    "investigation_id" INTEGER NOT NULL,
    "case_no" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "person_region_code" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "last_exposure_on" TEXT NULL,
    "proposed_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "dismiss_reason" TEXT NULL,
    "contact_no" TEXT NULL,
    "kind" TEXT NOT NULL,
    "source_contact_no" TEXT NULL,
    CONSTRAINT "fk_contact_candidates_case_investigations_investigation_id" FOREIGN KEY ("investigation_id") REFERENCES "case_investigations" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_contact_candidates_investigation_id_id_number" ON "contact_candidates" ("investigation_id", "id_number");

CREATE INDEX "ix_contact_candidates_region_code" ON "contact_candidates" ("region_code");
