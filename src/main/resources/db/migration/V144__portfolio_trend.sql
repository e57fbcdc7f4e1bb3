-- The portfolio trend (GET /api/performance/trend, the dashboard's trend chart) as an aggregate kept at submission.
-- Summing 52 weeks of reports of 10,000 projects on every read took 345 ms p95; the aggregate holds, per status date,
-- the counts and the weighted sums the BAC-weighted SPI and CPI are made of, so a year is a few hundred rows.
-- Portable SQL: runs on PostgreSQL and H2.
--
-- A submitted report is never changed afterwards, so each submission adds its figures once (pmo.performance
-- .PortfolioTrend). The category is the project's at submission. The bucket (project id modulo 16) spreads the
-- reports of one status date over sixteen rows, so managers submitting the same week do not queue on one row lock.
create table portfolio_trend (
    status_date date          not null,
    category    varchar(40)   not null,
    bucket      smallint      not null,
    reports     integer       not null,
    -- sum(bac * spi) and sum(bac) over the reports with an SPI; the same for the CPI
    spi_sum     numeric(30, 6) not null,
    spi_weight  numeric(30, 6) not null,
    cpi_sum     numeric(30, 6) not null,
    cpi_weight  numeric(30, 6) not null,
    constraint pk_portfolio_trend primary key (status_date, category, bucket)
);

insert into portfolio_trend (status_date, category, bucket, reports, spi_sum, spi_weight, cpi_sum, cpi_weight)
select r.status_date, p.category, mod(r.project_id, 16), count(*),
       coalesce(sum(r.bac * r.spi), 0), coalesce(sum(case when r.spi is not null then r.bac end), 0),
       coalesce(sum(r.bac * r.cpi), 0), coalesce(sum(case when r.cpi is not null then r.bac end), 0)
  from status_report r join project p on p.id = r.project_id
 where r.status = 'SUBMITTED'
 group by r.status_date, p.category, mod(r.project_id, 16);
