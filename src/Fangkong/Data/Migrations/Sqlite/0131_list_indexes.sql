-- 0131 (Sqlite): indexes that fit the filters of the long lists (see the PostgreSQL script).
CREATE INDEX "ix_persons_region_code_name_id" ON "persons" ("region_code", "name", "id");

CREATE INDEX "ix_samples_round_id_person_id" ON "samples" ("round_id", "person_id");
