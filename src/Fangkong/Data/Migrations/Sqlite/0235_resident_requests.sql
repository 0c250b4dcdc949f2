-- 0235 residents' requests (Sqlite): requests from the 12345 hotline, staff and residents, with
-- their clocks, and the trips to hospital of medical-care requests (issue 18, ADR 0047).

CREATE TABLE "resident_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_resident_requests" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "placed" INTEGER NOT NULL,
    "compound_id" INTEGER NULL,
    "source" TEXT NOT NULL,
    "ticket_no" TEXT NULL,
    "kind" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "id_number" TEXT NULL,
    "address" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "received_at" INTEGER NOT NULL,
    "received_by" TEXT NOT NULL,
    "due_at" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "assignee" TEXT NULL,
    "assigned_at" INTEGER NULL,
    "started_at" INTEGER NULL,
    "resolution" TEXT NULL,
    "resolved_at" INTEGER NULL,
    "confirmed_at" INTEGER NULL,
    "return_reason" TEXT NULL,
    "returned_at" INTEGER NULL,
    "escalation_level" INTEGER NOT NULL,
    "escalated_to" TEXT NULL,
    "escalated_at" INTEGER NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_resident_requests_compounds_compound_id" FOREIGN KEY ("compound_id") REFERENCES "compounds" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_resident_requests_ticket_no" ON "resident_requests" ("ticket_no");
CREATE INDEX "ix_resident_requests_region_code_state" ON "resident_requests" ("region_code", "state");
CREATE INDEX "ix_resident_requests_state_due_at" ON "resident_requests" ("state", "due_at");
CREATE INDEX "ix_resident_requests_received_at" ON "resident_requests" ("received_at");
CREATE INDEX "ix_resident_requests_compound_id" ON "resident_requests" ("compound_id");

CREATE TABLE "medical_trips" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_medical_trips" PRIMARY KEY AUTOINCREMENT,
    "request_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "need" TEXT NOT NULL,
    "emergency" INTEGER NOT NULL,
    "hospital" TEXT NOT NULL,
    "vehicle" TEXT NULL,
    "held_for_test" INTEGER NOT NULL,
    "requested_at" INTEGER NOT NULL,
    "dispatched_at" INTEGER NULL,
    "arrived_at" INTEGER NULL,
    "admitted_at" INTEGER NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "fk_medical_trips_resident_requests_request_id" FOREIGN KEY ("request_id") REFERENCES "resident_requests" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_medical_trips_request_id" ON "medical_trips" ("request_id");
CREATE INDEX "ix_medical_trips_region_code" ON "medical_trips" ("region_code");
CREATE INDEX "ix_medical_trips_emergency_dispatched_at" ON "medical_trips" ("emergency", "dispatched_at");
