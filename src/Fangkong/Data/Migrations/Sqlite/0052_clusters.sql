-- 0052 clusters (Sqlite): case–place/household links, clusters (聚集性疫情) with their cases and
-- history (issue 4 item 6). Dates are ISO text (yyyy-MM-dd).

CREATE TABLE "case_links" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_links" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    "household_no" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "target_key" TEXT NOT NULL,
    CONSTRAINT "fk_case_links_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_case_links_places_place_id" FOREIGN KEY ("place_id") REFERENCES "places" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_case_links_case_id_target_key_on" ON "case_links" ("case_id", "target_key", "on");

CREATE INDEX "ix_case_links_target_key_on" ON "case_links" ("target_key", "on");

CREATE INDEX "ix_case_links_region_code" ON "case_links" ("region_code");

CREATE INDEX "ix_case_links_place_id" ON "case_links" ("place_id");

CREATE TABLE "clusters" (
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
    "updated_on" TEXT NOT NULL
);

CREATE INDEX "ix_clusters_region_code" ON "clusters" ("region_code");

CREATE INDEX "ix_clusters_status_last_case_on" ON "clusters" ("status", "last_case_on");

CREATE TABLE "cluster_cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cluster_cases" PRIMARY KEY AUTOINCREMENT,
    "cluster_id" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    "joined_on" TEXT NOT NULL,
    CONSTRAINT "fk_cluster_cases_clusters_cluster_id" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_cluster_cases_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_cluster_cases_cluster_id" ON "cluster_cases" ("cluster_id");

CREATE INDEX "ix_cluster_cases_case_id" ON "cluster_cases" ("case_id");

CREATE TABLE "cluster_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cluster_events" PRIMARY KEY AUTOINCREMENT,
    "cluster_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "other_cluster_id" INTEGER NULL,
    "case_count" INTEGER NOT NULL,
    CONSTRAINT "fk_cluster_events_clusters_cluster_id" FOREIGN KEY ("cluster_id") REFERENCES "clusters" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_cluster_events_cluster_id" ON "cluster_events" ("cluster_id");
