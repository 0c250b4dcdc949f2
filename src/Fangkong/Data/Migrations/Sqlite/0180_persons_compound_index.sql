-- 0180 (Sqlite): residents per compound through an index (see the PostgreSQL script).
CREATE INDEX "ix_persons_compound_id" ON "persons" ("compound_id");
