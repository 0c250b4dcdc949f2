-- 0044 community alerts (Sqlite): a community told of its residents in a positive pool or an
-- invalid tube, one per tube and community, acknowledged by it. Times are UTC milliseconds.

CREATE TABLE "community_alerts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_community_alerts" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "round_id" INTEGER NOT NULL,
    "tube_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "people" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "acknowledged_at" INTEGER NULL,
    "acknowledged_by" TEXT NULL
);

CREATE INDEX "ix_community_alerts_region_code" ON "community_alerts" ("region_code");

CREATE UNIQUE INDEX "ix_community_alerts_tube_id_region_code" ON "community_alerts" ("tube_id", "region_code");
