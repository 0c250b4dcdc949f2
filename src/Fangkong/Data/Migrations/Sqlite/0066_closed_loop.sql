-- 0066 closed loop (Sqlite): closed-loop groups of an enterprise or site, their members with
-- role, quarters and test schedule, and breaches recorded for supervision (issue 6). Times are
-- UTC milliseconds (INTEGER).

CREATE TABLE "closed_loop_groups" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_closed_loop_groups" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "organisation_id" INTEGER NULL,
    "place_id" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "closed_loop_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_closed_loop_members" PRIMARY KEY AUTOINCREMENT,
    "group_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "quarters" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "joined_on" TEXT NOT NULL,
    "left_on" TEXT NULL,
    CONSTRAINT "fk_closed_loop_members_closed_loop_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "closed_loop_groups" ("id") ON DELETE CASCADE
);

CREATE TABLE "closed_loop_breaches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_closed_loop_breaches" PRIMARY KEY AUTOINCREMENT,
    "group_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    CONSTRAINT "fk_closed_loop_breaches_closed_loop_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "closed_loop_groups" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_closed_loop_groups_region_code" ON "closed_loop_groups" ("region_code");

CREATE UNIQUE INDEX "ix_closed_loop_members_group_id_person_id" ON "closed_loop_members" ("group_id", "person_id");

CREATE INDEX "ix_closed_loop_members_person_id" ON "closed_loop_members" ("person_id");

CREATE INDEX "ix_closed_loop_members_region_code" ON "closed_loop_members" ("region_code");

CREATE UNIQUE INDEX "ix_closed_loop_breaches_group_id_key" ON "closed_loop_breaches" ("group_id", "key");

CREATE INDEX "ix_closed_loop_breaches_region_code_day" ON "closed_loop_breaches" ("region_code", "day");
