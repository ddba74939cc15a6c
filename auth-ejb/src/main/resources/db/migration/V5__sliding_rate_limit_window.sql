-- The previous window's count, weighted by how much of it still overlaps the sliding window:
-- a burst across a window boundary counts as one burst, not two.
ALTER TABLE rate_limit_bucket ADD COLUMN previous_hits INTEGER NOT NULL DEFAULT 0;
