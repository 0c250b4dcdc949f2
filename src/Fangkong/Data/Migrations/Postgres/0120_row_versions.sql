-- 0120 row versions (Postgres): the optimistic concurrency token of entities with a state machine
-- (issue 12 item 5, docs/decisions/0018-concurrency.md). Every update through EF raises it by one and
-- checks the value it read; existing rows start at 0 (a constant default: no table rewrite).

ALTER TABLE tubes ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE placements ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE quarantine_rooms ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE hospital_beds ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE transfer_tasks ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE transfer_batches ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE transfer_vehicles ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE passes ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE accountability_cases ADD COLUMN version bigint NOT NULL DEFAULT 0;
