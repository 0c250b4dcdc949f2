-- 0105 scan client ids (Sqlite): a device's client id is scoped to its checkpoint and bound to the
-- token it was first sent with (issue 14 item 3). token_hash is SHA-256 of the token text (NULL on
-- scans logged before this migration: a re-submission of one of those is refused, as its token
-- cannot be compared). A refused re-submission is itself logged, with replay_of naming the scan whose
-- id it reused, so the unique index covers first uses only.

ALTER TABLE "pass_scans" ADD COLUMN "token_hash" BLOB NULL;

ALTER TABLE "pass_scans" ADD COLUMN "replay_of" INTEGER NULL;

DROP INDEX "ix_pass_scans_client_id";

CREATE UNIQUE INDEX "ix_pass_scans_checkpoint_id_client_id" ON "pass_scans" ("checkpoint_id", "client_id") WHERE replay_of IS NULL;
