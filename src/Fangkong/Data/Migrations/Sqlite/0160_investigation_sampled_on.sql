-- 0160 (Sqlite): the sampling date of a case's positive sample on its investigation (issue 15,
-- rule 2). The look-back of an asymptomatic infection counts from it, not from the report date.
-- Existing investigations keep NULL and so their old anchor (the report date) until an investigator
-- gives the date. Dates are ISO text (yyyy-MM-dd).
ALTER TABLE "case_investigations" ADD COLUMN "sampled_on" TEXT NULL;
