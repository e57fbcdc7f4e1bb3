-- Context in every decision form (issue 10 point 4): the forms after an assessment or an implementation say when it
-- was made, beside who made it and their comment. Null for requests assessed or implemented before this version.
-- Portable SQL: runs on PostgreSQL and H2.
alter table change_request add column assessed_at timestamp with time zone;
alter table change_request add column implemented_at timestamp with time zone;
