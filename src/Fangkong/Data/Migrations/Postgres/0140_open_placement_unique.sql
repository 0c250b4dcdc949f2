-- 0140 (Postgres): a person has at most one open placement (issue 12, item 5). Two allocation runs
-- at once (the API's and the host's QuarantineAllocationService) both read a contact as waiting
-- and placed it in two rooms; with these keys the database refuses the second placement and the
-- run that lost answers 409 (RunAllocation). "Open" is Placed or CheckedIn: released and cancelled
-- placements stay as history, and a move ends the old placement in the same save as it starts the
-- new one. A database that already holds a doubled placement fails here; these are found with
--   SELECT contact_id, count(*) FROM placements WHERE contact_id IS NOT NULL
--     AND state IN ('Placed', 'CheckedIn') GROUP BY contact_id HAVING count(*) > 1;
-- (likewise case_id, and person_id of kind 'PositivePoolMember') and one of each is cancelled by hand first.
CREATE UNIQUE INDEX ux_placements_open_contact ON placements (contact_id)
    WHERE contact_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX ux_placements_open_case ON placements (case_id)
    WHERE case_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX ux_placements_open_pool_member ON placements (person_id)
    WHERE kind = 'PositivePoolMember' AND person_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
