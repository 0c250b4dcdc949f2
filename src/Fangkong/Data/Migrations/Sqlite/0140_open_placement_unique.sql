-- 0140 (Sqlite): a person has at most one open placement (see the PostgreSQL script for why).
CREATE UNIQUE INDEX "ux_placements_open_contact" ON "placements" ("contact_id")
    WHERE contact_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX "ux_placements_open_case" ON "placements" ("case_id")
    WHERE case_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
CREATE UNIQUE INDEX "ux_placements_open_pool_member" ON "placements" ("person_id")
    WHERE kind = 'PositivePoolMember' AND person_id IS NOT NULL AND state IN ('Placed', 'CheckedIn');
