-- 0165 (Postgres): bulletins as published in 2022 (issue 15, item 2).
-- regions.short_name: the name bulletins print (延边州, not 延边朝鲜族自治州); the shipped
--   defaults (Regions/RegionShortNames.cs) are set here on regions already loaded, and by the
--   region import on new ones.
-- regions.outbreak_starts_on: the first day of 本次疫情 for a region's bulletins (cumulative
--   contacts and recoveries count from it); null = from the first record.
-- published_bulletins.notice_year / notice_no: a city's numbered notice (通告 "2022第N号"),
--   numbered per issuing unit and year; a correction keeps its number. The unique key makes a
--   second notice with the same number fail (the publisher that lost answers 409).
ALTER TABLE regions ADD COLUMN short_name varchar(100) NULL;
ALTER TABLE regions ADD COLUMN outbreak_starts_on date NULL;
UPDATE regions SET short_name = '延边州' WHERE code = '2224';
UPDATE regions SET short_name = '伊通县' WHERE code = '220323';
UPDATE regions SET short_name = '长白县' WHERE code = '220623';
UPDATE regions SET short_name = '前郭县' WHERE code = '220721';
UPDATE regions SET short_name = '经开区' WHERE code = '220271';
UPDATE regions SET short_name = '高新区' WHERE code = '220272';
UPDATE regions SET short_name = '中新食品区' WHERE code = '220273';

ALTER TABLE published_bulletins ADD COLUMN notice_year integer NULL;
ALTER TABLE published_bulletins ADD COLUMN notice_no integer NULL;
CREATE UNIQUE INDEX ux_published_bulletins_notice ON published_bulletins (region_code, notice_year, notice_no, version)
    WHERE notice_no IS NOT NULL;
