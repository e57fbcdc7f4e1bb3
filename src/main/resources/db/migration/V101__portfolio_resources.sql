-- Portfolio management (pmo.portfolio): capacity per role and month, and allocations.

-- FTE a role has in a month (month_start, its first day: `month` is a keyword in H2); a month without a row has the
-- role's configured default
create table portfolio_capacity (
    role        varchar(40)  not null,
    month_start date         not null,
    fte         numeric(7, 2) not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamp with time zone not null,
    primary key (role, month_start)
);

-- FTE of a role a project (or a proposal, for the what-if) needs in a month
create table portfolio_allocation (
    subject_type varchar(10)  not null,
    subject_id   bigint       not null,
    role         varchar(40)  not null,
    month_start date         not null,
    fte          numeric(7, 2) not null,
    updated_by   varchar(64)  not null,
    updated_at   timestamp with time zone not null,
    primary key (subject_type, subject_id, role, month_start)
);
create index portfolio_allocation_month on portfolio_allocation (month_start, role);
