-- 0043 sampling points (Sqlite): fixed and temporary points with their opening hours (China time,
-- TEXT "HH:mm:ss") and samplers; a tube keeps the registered point it was opened at.

CREATE TABLE "sampling_points" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sampling_points" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "place_id" INTEGER NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_sampling_points_region_code_name" ON "sampling_points" ("region_code", "name");

CREATE TABLE "sampling_point_samplers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sampling_point_samplers" PRIMARY KEY AUTOINCREMENT,
    "sampling_point_id" INTEGER NOT NULL,
    "user_name" TEXT NOT NULL,
    CONSTRAINT "fk_sampling_point_samplers_sampling_points_sampling_point_id" FOREIGN KEY ("sampling_point_id") REFERENCES "sampling_points" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_sampling_point_samplers_sampling_point_id_user_name" ON "sampling_point_samplers" ("sampling_point_id", "user_name");

ALTER TABLE "tubes" ADD COLUMN "sampling_point_id" INTEGER NULL;
