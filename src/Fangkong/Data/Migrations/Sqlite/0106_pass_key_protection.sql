-- 0106 pass key protection (Sqlite): the pass-signing private key is encrypted with ASP.NET Core
-- Data Protection, whose key ring lives in data_protection_keys so that every server of a farm
-- (and the CLI) shares it (issue 14 item 7, ADR 0015). Keys stored before stay plaintext with
-- private_key_protected = 0 until the first start encrypts them; canonical_signatures marks keys
-- whose passes are all signed in low-S form, so checkpoints may refuse the other form.

ALTER TABLE "pass_signing_keys" ADD COLUMN "private_key_protected" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "pass_signing_keys" ADD COLUMN "canonical_signatures" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);
