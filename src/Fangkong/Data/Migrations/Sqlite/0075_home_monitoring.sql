-- 0075 home monitoring (Sqlite): people watched at home (居家隔离 / 居家健康监测), their daily
-- check-ins and breaches (issue 5). Times are UTC milliseconds (INTEGER); days are ISO text.

CREATE TABLE "home_watches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_home_watches" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "contact_no" TEXT NULL,
    "case_no" TEXT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "opened_by" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL
);

CREATE TABLE "home_check_ins" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_home_check_ins" PRIMARY KEY AUTOINCREMENT,
    "watch_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "temperature" TEXT NOT NULL,
    "symptoms" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "first_recorded_at" INTEGER NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    CONSTRAINT "fk_home_check_ins_home_watches_watch_id" FOREIGN KEY ("watch_id") REFERENCES "home_watches" ("id") ON DELETE CASCADE
);

CREATE TABLE "home_breaches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_home_breaches" PRIMARY KEY AUTOINCREMENT,
    "watch_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "reported_at" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "reported_by" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    CONSTRAINT "fk_home_breaches_home_watches_watch_id" FOREIGN KEY ("watch_id") REFERENCES "home_watches" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_home_watches_region_code_starts_on_ends_on" ON "home_watches" ("region_code", "starts_on", "ends_on");

CREATE UNIQUE INDEX "ix_home_watches_id_number_kind_starts_on" ON "home_watches" ("id_number", "kind", "starts_on");

CREATE INDEX "ix_home_watches_contact_no" ON "home_watches" ("contact_no");

CREATE UNIQUE INDEX "ix_home_check_ins_watch_id_day" ON "home_check_ins" ("watch_id", "day");

CREATE INDEX "ix_home_check_ins_region_code" ON "home_check_ins" ("region_code");

CREATE UNIQUE INDEX "ix_home_breaches_watch_id_occurred_at" ON "home_breaches" ("watch_id", "occurred_at");

CREATE INDEX "ix_home_breaches_region_code" ON "home_breaches" ("region_code");
