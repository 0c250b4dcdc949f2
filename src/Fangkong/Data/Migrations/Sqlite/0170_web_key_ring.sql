-- 0170 web key ring (Sqlite): the web host's own ASP.NET Core Data Protection keys (sign-in
-- cookies, antiforgery tokens) live in the database, so that every server of a farm accepts a
-- cookie issued by another, encrypted at rest with the key ring certificate (ADR 0028, ADR 0033).
-- Apart from data_protection_keys (the pass-signing keys' ring): revoking the web keys to end every
-- session must not make the pass-signing key undecryptable.

CREATE TABLE "web_data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_web_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);
