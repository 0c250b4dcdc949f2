-- 0160 (Postgres): the sampling date of a case's positive sample on its investigation (issue 15,
-- rule 2). The look-back of an asymptomatic infection counts from it, not from the report date.
-- Existing investigations keep NULL and so their old anchor (the report date) until an investigator
-- gives the date.
ALTER TABLE case_investigations ADD COLUMN sampled_on date;
