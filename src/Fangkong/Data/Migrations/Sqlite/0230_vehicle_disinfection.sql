-- 0230 (SQLite): a vehicle's last disinfection between trips, who recorded it and when (issue 16,
-- item 2): the dispatcher returns a vehicle from 消毒中 to 待命 on the dispatch board.
ALTER TABLE "transfer_vehicles" ADD COLUMN "disinfected_at" INTEGER NULL;
ALTER TABLE "transfer_vehicles" ADD COLUMN "disinfected_by" TEXT NULL;
