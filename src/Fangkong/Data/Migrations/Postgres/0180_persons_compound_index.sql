-- 0180 (Postgres): residents per compound through an index (docs/performance-hot-pages.md).
-- A street's or community's page lists its compounds 50 at a time with their residents; without
-- this the count read every resident of the street by region code (418,855 at 10 million
-- people, 0.8 s) to keep those of 50 compounds. With it, it reads the 50 compounds' entries only
-- (about 3,000 each: a compound's size, not the city's).
CREATE INDEX ix_persons_compound_id ON persons (compound_id);
