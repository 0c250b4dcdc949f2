-- 0151 (Sqlite): a round's figures per region, maintained on write (docs/decisions/0029-round-tallies.md).
-- round_people holds one row per round and registered person swabbed or exempted in it: its key makes
-- "the first swab of a person in the round" one atomic upsert. round_tallies sums those rows per
-- region code; the round's page and its coverage read it instead of counting the round's swabs per
-- request. Both are filled here for existing rounds.
CREATE TABLE "round_people" (
    "round_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "sampled" INTEGER NOT NULL,
    "exempted" INTEGER NOT NULL,
    "resulted" INTEGER NOT NULL,
    "positive" INTEGER NOT NULL,
    CONSTRAINT "pk_round_people" PRIMARY KEY ("round_id", "person_id"),
    CONSTRAINT "fk_round_people_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id") ON DELETE RESTRICT
);

CREATE TABLE "round_tallies" (
    "round_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "sampled" INTEGER NOT NULL,
    "resulted" INTEGER NOT NULL,
    "positive" INTEGER NOT NULL,
    "exempted" INTEGER NOT NULL,
    CONSTRAINT "pk_round_tallies" PRIMARY KEY ("round_id", "region_code"),
    CONSTRAINT "fk_round_tallies_testing_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "testing_rounds" ("id") ON DELETE RESTRICT
);

-- A person counts where they were registered when swabbed, or, if only exempted, where the exemption
-- says; "resulted" is a swab in a tube with a negative or positive result, "positive" in a positive tube.
INSERT INTO "round_people" ("round_id", "person_id", "region_code", "sampled", "exempted", "resulted", "positive")
SELECT "round_id", "person_id",
       COALESCE(min("region_code") FILTER (WHERE "sampled"), min("region_code")),
       max("sampled"), max("exempted"), max("resulted"), max("positive")
FROM (
    SELECT s."round_id", s."person_id", s."person_region_code" AS "region_code", 1 AS "sampled", 0 AS "exempted",
           COALESCE(t."result" IN ('Negative', 'Positive'), 0) AS "resulted", COALESCE(t."result" = 'Positive', 0) AS "positive"
    FROM "samples" s JOIN "tubes" t ON t."id" = s."tube_id"
    WHERE s."person_id" IS NOT NULL AND s."person_region_code" IS NOT NULL
    UNION ALL
    SELECT e."round_id", e."person_id", e."region_code", 0, 1, 0, 0
    FROM "round_exemptions" e
) AS "touched"
GROUP BY "round_id", "person_id";

INSERT INTO "round_tallies" ("round_id", "region_code", "sampled", "resulted", "positive", "exempted")
SELECT "round_id", "region_code",
       sum("sampled"), sum("resulted"), sum("positive"), sum("exempted" AND NOT "sampled")
FROM "round_people"
GROUP BY "round_id", "region_code";
