-- 0082 published bulletins (Sqlite): a daily bulletin as published, text and figures frozen,
-- one row per version (a correction is a new version). Write-once: triggers refuse any change or
-- removal. published_at is UTC milliseconds.

CREATE TABLE "published_bulletins" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_published_bulletins" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "figures_sha256" TEXT NOT NULL,
    "published_by" TEXT NOT NULL,
    "published_at" INTEGER NOT NULL,
    "correction" TEXT NULL
);

CREATE INDEX "ix_published_bulletins_date" ON "published_bulletins" ("date");

CREATE UNIQUE INDEX "ix_published_bulletins_region_code_date_version" ON "published_bulletins" ("region_code", "date", "version");

CREATE TRIGGER "tr_published_bulletins_no_update" BEFORE UPDATE ON "published_bulletins"
BEGIN
    SELECT RAISE(ABORT, '已发布的通报不可修改或删除，请发布更正版 (a published bulletin is frozen: UPDATE refused)');
END;

CREATE TRIGGER "tr_published_bulletins_no_delete" BEFORE DELETE ON "published_bulletins"
BEGIN
    SELECT RAISE(ABORT, '已发布的通报不可修改或删除，请发布更正版 (a published bulletin is frozen: DELETE refused)');
END;
