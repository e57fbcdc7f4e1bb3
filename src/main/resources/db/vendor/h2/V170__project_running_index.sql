-- H2 (the zero-setup demo and the default test database) has no partial indexes: the picker's query reads the primary
-- key backwards there. PostgreSQL's version of this migration adds the index of running projects.
select 1;
