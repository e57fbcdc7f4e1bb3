-- H2 (the zero-setup demo and the default test database) has no full-text search of its own here: /api/lessons?q=
-- matches each word with LIKE. PostgreSQL's version of this migration adds a tsvector column with a GIN index.
select 1;
