-- 0250 notice grammar (Postgres): what a notice needs to word a matter as seed 000 does (issue 19,
-- item 5): the units' failings as a sentence of their own, the matter opening with its first official
-- and "等N人", a person's qualifier ("作为带队领导") and whether their responsibility is stated.
-- Existing rows keep their wording: no failings, all named, responsibilities stated.
ALTER TABLE accountability_cases ADD COLUMN failings character varying(1000);
ALTER TABLE accountability_cases ADD COLUMN name_first_only boolean NOT NULL DEFAULT FALSE;
ALTER TABLE accountable_officials ADD COLUMN qualifier character varying(50);
ALTER TABLE accountable_officials ADD COLUMN state_responsibility boolean NOT NULL DEFAULT TRUE;
