-- PostgreSQL only: full-text search of lessons (/api/lessons?q=). Tags weigh more than the text; the GIN index serves
-- websearch_to_tsquery matches, ranked with ts_rank.
alter table lesson add column search tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, tags), 'A')
    || setweight(to_tsvector('english'::regconfig, text), 'B')) stored;
create index ix_lesson_search on lesson using gin (search);
