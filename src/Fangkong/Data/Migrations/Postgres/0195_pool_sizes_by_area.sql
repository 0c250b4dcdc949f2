-- 0195 (Postgres): the largest pool a plan version advises by the designation of the area sampled
-- (issue 15, rule 7): sealed or high-risk areas, controlled or medium-risk areas, elsewhere.
-- Values [recalled, defaults an administrator may change]: single tubes (1-in-1) where the virus
-- is, 5-in-1 in controlled or medium-risk areas; elsewhere 10-in-1 under the 8th edition (Jilin,
-- March 2022) and 20-in-1 under the 9th, which keeps the positivity-driven advice of today's
-- rounds unchanged where nothing is designated.
-- Seed 003 names "混管追踪慢" (slow tracing of positive pools) as a failure to fix: a pool of 10 in a
-- sealed area, where positives are expected, means ten people re-sampled for every positive.
ALTER TABLE policy_versions ADD COLUMN pool_size_sealed integer NOT NULL DEFAULT 1;
ALTER TABLE policy_versions ADD COLUMN pool_size_controlled integer NOT NULL DEFAULT 5;
ALTER TABLE policy_versions ADD COLUMN pool_size_elsewhere integer NOT NULL DEFAULT 10;
UPDATE policy_versions SET pool_size_elsewhere = 20 WHERE code = 'national-9';
