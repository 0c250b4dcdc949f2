-- 0161 (Sqlite): the treatment plan (诊疗方案) as a version line of its own beside the prevention
-- plan (issue 15, rule 3). Case release follows the treatment plan in force on the day: in Jilin,
-- March 2022, the 8th revised edition until 2022-03-14 and the 9th from 2022-03-15, while the 8th
-- prevention plan (policy_versions 'national-8') stayed in force until 2022-06-28. The release
-- columns of policy_versions are no longer read. Dates are ISO text (yyyy-MM-dd).
CREATE TABLE "treatment_plans" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_treatment_plans" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_prefix" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "min_ct" REAL NOT NULL,
    "consecutive_tests" INTEGER NOT NULL,
    "interval_hours" INTEGER NOT NULL,
    "fever_free_days" INTEGER NOT NULL,
    "needs_clinical_improvement" INTEGER NOT NULL,
    "after_release" TEXT NOT NULL,
    "after_release_days" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_treatment_plans_code" ON "treatment_plans" ("code");

-- 8th revised: temperature normal 3 days or more, symptoms and CT clearly improved, two consecutive
-- negative tests (Ct 40, the negative cut-off) at least 24 h apart, then 14 days of isolation and
-- health monitoring. 9th: N and ORF Ct >= 35 twice at least 24 h apart, then 7 days home monitoring.
INSERT INTO "treatment_plans" ("code", "name", "region_prefix", "effective_from", "min_ct", "consecutive_tests", "interval_hours",
    "fever_free_days", "needs_clinical_improvement", "after_release", "after_release_days")
VALUES
    ('treatment-8r', '新型冠状病毒肺炎诊疗方案（试行第八版 修订版）', '', '2021-04-14', 40, 2, 24, 3, 1, 'IsolationMonitoring', 14),
    ('treatment-9', '新型冠状病毒肺炎诊疗方案（试行第九版）', '', '2022-03-15', 35, 2, 24, 0, 0, 'HomeMonitoring', 7);
