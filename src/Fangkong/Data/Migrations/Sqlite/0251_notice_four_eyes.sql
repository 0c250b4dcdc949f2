-- 0251 notice four eyes (Sqlite); see the PostgreSQL script.
ALTER TABLE "public_notices" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'Draft';
ALTER TABLE "public_notices" ADD COLUMN "approved_by" TEXT NULL;
ALTER TABLE "public_notices" ADD COLUMN "approved_at" INTEGER NULL;
ALTER TABLE "public_notices" ADD COLUMN "published_by" TEXT NULL;
ALTER TABLE "public_notices" ADD COLUMN "published_at" INTEGER NULL;
UPDATE "public_notices" SET "status" = 'Published', "published_by" = "created_by", "published_at" = "created_at";
