-- 0125 audit client (SQLite): each audit line records the client's address and user agent, and the
-- jurisdiction of the user who acted (so that an inspector reads what their officials did).
ALTER TABLE "audit_log" ADD COLUMN "client_address" TEXT NULL;
ALTER TABLE "audit_log" ADD COLUMN "user_agent" TEXT NULL;
ALTER TABLE "audit_log" ADD COLUMN "user_region" TEXT NULL;

-- The audit page pages by id, newest first, optionally for one user.
CREATE INDEX "ix_audit_log_user_name_id" ON "audit_log" ("user_name", "id");
