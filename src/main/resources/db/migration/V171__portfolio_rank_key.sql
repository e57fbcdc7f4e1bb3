-- The ranking's sort key of a current scoring under the model in force (issue 13: the ranking over 10,000 projects
-- under 100 ms p95): the weighted score, the raw score of the alignment criterion that breaks ties, and which model and
-- alignment criterion they were computed under. The scoring's own weighted_score and model_version stay what they were
-- when it was given (the record); these follow the model and are recomputed when it changes. A row whose rank_key is
-- not the model in force is weighed again from its scores by the reader, so a stale key is slow, never wrong.
alter table portfolio_score add column rank_score numeric(8, 4);
alter table portfolio_score add column rank_alignment smallint;
alter table portfolio_score add column rank_key varchar(80);
