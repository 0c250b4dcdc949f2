-- 0131 (Postgres): indexes that fit the filters of the long lists (docs/performance.md).
-- A community's residents in name order (GET /api/v1/persons?region=<community>, keyset by name, id):
-- read in order from the index, with no sort of the community.
CREATE INDEX ix_persons_region_code_name_id ON persons (region_code, name, id);

-- Who was sampled in a round, by person: the not-sampled list of a community probes this once per
-- resident instead of hashing the whole round's samples (10-16 s per call at 5 million people).
CREATE INDEX ix_samples_round_id_person_id ON samples (round_id, person_id);
