-- 0165 (Sqlite): bulletins as published in 2022 (issue 15, item 2); see the PostgreSQL script.
ALTER TABLE "regions" ADD COLUMN "short_name" TEXT NULL;
ALTER TABLE "regions" ADD COLUMN "outbreak_starts_on" TEXT NULL;
UPDATE "regions" SET "short_name" = '延边州' WHERE "code" = '2224';
UPDATE "regions" SET "short_name" = '伊通县' WHERE "code" = '220323';
UPDATE "regions" SET "short_name" = '长白县' WHERE "code" = '220623';
UPDATE "regions" SET "short_name" = '前郭县' WHERE "code" = '220721';
UPDATE "regions" SET "short_name" = '经开区' WHERE "code" = '220271';
UPDATE "regions" SET "short_name" = '高新区' WHERE "code" = '220272';
UPDATE "regions" SET "short_name" = '中新食品区' WHERE "code" = '220273';

ALTER TABLE "published_bulletins" ADD COLUMN "notice_year" INTEGER NULL;
ALTER TABLE "published_bulletins" ADD COLUMN "notice_no" INTEGER NULL;
CREATE UNIQUE INDEX "ux_published_bulletins_notice" ON "published_bulletins" ("region_code", "notice_year", "notice_no", "version")
    WHERE notice_no IS NOT NULL;
