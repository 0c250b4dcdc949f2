-- 0125 audit client (Postgres): each audit line records the client's address and user agent, and the
-- jurisdiction of the user who acted (so that an inspector reads what their officials did).
ALTER TABLE audit_log ADD COLUMN client_address character varying(64);
ALTER TABLE audit_log ADD COLUMN user_agent character varying(256);
ALTER TABLE audit_log ADD COLUMN user_region character varying(12);

-- The audit page pages by id, newest first, optionally for one user.
CREATE INDEX ix_audit_log_user_name_id ON audit_log (user_name, id);
