-- 0151 (Postgres): a round's figures per region, maintained on write (docs/decisions/0029-round-tallies.md).
-- round_people holds one row per round and registered person swabbed or exempted in it: its key makes
-- "the first swab of a person in the round" one atomic upsert under concurrent scan batches.
-- round_tallies sums those rows per region code; the round's page and its coverage API read it
-- instead of counting the round's swabs per request. Both are filled here for existing rounds.
CREATE TABLE round_people (
    round_id bigint NOT NULL,
    person_id bigint NOT NULL,
    region_code character varying(12) NOT NULL,
    sampled boolean NOT NULL,
    exempted boolean NOT NULL,
    resulted boolean NOT NULL,
    positive boolean NOT NULL,
    CONSTRAINT pk_round_people PRIMARY KEY (round_id, person_id),
    CONSTRAINT fk_round_people_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id)
);

CREATE TABLE round_tallies (
    round_id bigint NOT NULL,
    region_code character varying(12) NOT NULL,
    sampled bigint NOT NULL,
    resulted bigint NOT NULL,
    positive bigint NOT NULL,
    exempted bigint NOT NULL,
    CONSTRAINT pk_round_tallies PRIMARY KEY (round_id, region_code),
    CONSTRAINT fk_round_tallies_testing_rounds_round_id FOREIGN KEY (round_id) REFERENCES testing_rounds (id)
);

-- A person counts where they were registered when swabbed (the swab's person_region_code), or, if
-- only exempted, where the exemption says; "resulted" is a swab in a tube with a negative or positive
-- result (an invalid one is to be redone), "positive" a swab in a positive tube.
INSERT INTO round_people (round_id, person_id, region_code, sampled, exempted, resulted, positive)
SELECT round_id, person_id,
       COALESCE(min(region_code) FILTER (WHERE sampled), min(region_code)),
       bool_or(sampled), bool_or(exempted), bool_or(resulted), bool_or(positive)
FROM (
    SELECT s.round_id, s.person_id, s.person_region_code AS region_code, true AS sampled, false AS exempted,
           COALESCE(t.result IN ('Negative', 'Positive'), false) AS resulted, COALESCE(t.result = 'Positive', false) AS positive
    FROM samples s JOIN tubes t ON t.id = s.tube_id
    WHERE s.person_id IS NOT NULL AND s.person_region_code IS NOT NULL
    UNION ALL
    SELECT e.round_id, e.person_id, e.region_code, false, true, false, false
    FROM round_exemptions e
) AS touched
GROUP BY round_id, person_id;

INSERT INTO round_tallies (round_id, region_code, sampled, resulted, positive, exempted)
SELECT round_id, region_code,
       count(*) FILTER (WHERE sampled), count(*) FILTER (WHERE resulted), count(*) FILTER (WHERE positive),
       count(*) FILTER (WHERE exempted AND NOT sampled)
FROM round_people
GROUP BY round_id, region_code;

ANALYZE round_people;
ANALYZE round_tallies;
