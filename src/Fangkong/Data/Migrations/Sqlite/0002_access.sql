-- 0002 access (Sqlite): users and roles (ASP.NET Core Identity), organisations and officials,
-- and the append-only audit log.

CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_log" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "user_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "region_code" TEXT NULL
);

CREATE TABLE "organisations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "place_id" INTEGER NULL
);

CREATE TABLE "roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "officials" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_officials" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "post" TEXT NOT NULL,
    "is_party_member" INTEGER NOT NULL,
    "person_id" INTEGER NULL,
    CONSTRAINT "fk_officials_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_role_claims_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_user_roles_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at");

CREATE INDEX "ix_audit_log_entity_entity_key" ON "audit_log" ("entity", "entity_key");

CREATE INDEX "ix_officials_organisation_id" ON "officials" ("organisation_id");

CREATE INDEX "ix_officials_region_code" ON "officials" ("region_code");

CREATE UNIQUE INDEX "ix_organisations_region_code_name" ON "organisations" ("region_code", "name");

CREATE INDEX "ix_role_claims_role_id" ON "role_claims" ("role_id");

CREATE UNIQUE INDEX "RoleNameIndex" ON "roles" ("normalized_name");

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "ix_user_roles_role_id" ON "user_roles" ("role_id");

CREATE INDEX "EmailIndex" ON "users" ("normalized_email");

CREATE INDEX "ix_users_region_code" ON "users" ("region_code");

CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("normalized_user_name");

-- The audit log is append-only: the database itself refuses to change or remove a line.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
