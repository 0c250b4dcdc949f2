-- 0030 (Postgres): audit keys of composite keys (user id + role id: two GUIDs and a comma) need 73+ characters.
ALTER TABLE "audit_log" ALTER COLUMN "entity_key" TYPE character varying(128);
