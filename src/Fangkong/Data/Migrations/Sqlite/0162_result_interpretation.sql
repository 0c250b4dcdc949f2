-- 0162 (Sqlite): the Ct cut-offs by which a lab's result is read (issue 15, rule 5), as
-- versioned data. A "positive" is positive only with both targets (N, ORF) below
-- positive_below_ct; a single positive target, or a Ct between the two cut-offs, is indeterminate
-- (可疑) and goes to a re-test before anyone is reported positive. The values are defaults an
-- administrator may change [recalled]: a common kit's 37 until 2022-03-14, 35 from 2022-03-15
-- (with the 9th treatment plan); 40 = not detected. Dates are ISO text (yyyy-MM-dd).
CREATE TABLE "lab_cut_offs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_lab_cut_offs" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_prefix" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "positive_below_ct" REAL NOT NULL,
    "negative_from_ct" REAL NOT NULL
);

CREATE UNIQUE INDEX "ix_lab_cut_offs_code" ON "lab_cut_offs" ("code");

INSERT INTO "lab_cut_offs" ("code", "name", "region_prefix", "effective_from", "positive_below_ct", "negative_from_ct")
VALUES
    ('lab-2021', '核酸检测结果判读（试剂盒判定值）', '', '2021-05-11', 37, 40),
    ('lab-2022-03', '核酸检测结果判读（Ct < 35 判阳）', '', '2022-03-15', 35, 40);
