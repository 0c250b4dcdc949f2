-- 0135 samples by round (Sqlite, issue 12 item 3): the same logical schema as on PostgreSQL,
-- where samples are partitioned by round: a client id (a retried batch's idempotency key) is
-- unique per round, and a person once per tube, the round named in both keys. The embedded
-- database is not partitioned (SQLite has no partitions, and serves a district, not a province);
-- its primary key stays the rowid alias id, which is unique on its own.

DROP INDEX "ix_samples_client_id";

CREATE UNIQUE INDEX "ix_samples_client_id_round_id" ON "samples" ("client_id", "round_id");

DROP INDEX "ix_samples_tube_id_document_number";

CREATE UNIQUE INDEX "ix_samples_tube_id_document_number_round_id" ON "samples" ("tube_id", "document_number", "round_id");
