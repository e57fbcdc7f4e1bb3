-- A page of the ranking first asks whether any current scoring's sort key is of another model (V171): with this index
-- that reads the current scorings' keys only, not every scoring ever given.
create index portfolio_score_current_rank_key on portfolio_score (is_current, rank_key);
