-- Process analytics (pmo.improvement.analytics): figures from the engine's history, pre-aggregated so a report over
-- 100,000 finished instances reads a few thousand rows. Portable SQL: runs on PostgreSQL and H2.
--
-- The engine's own tables stay as they are. A listener on every process queues its instances' start and end in
-- analytics_queue (in the transaction of the start or end); the indexer reads the history of the queued instances
-- (ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_IDENTITYLINK, ACT_HI_VARINST), adds them to the monthly figures below and
-- removes them from the queue, one batch per transaction. Months are calendar months (UTC) of the instance's start
-- (started) or end (everything else); category is the project category of the instance ('' when it has none).

create table analytics_queue (
    process_instance_id varchar(64)  not null,
    event               varchar(5)   not null,
    queued_at           timestamp with time zone not null,
    primary key (process_instance_id, event),
    constraint ck_analytics_queue_event check (event in ('START', 'END'))
);
create index ix_analytics_queue_order on analytics_queue (queued_at, process_instance_id);

-- one row per process instance seen: when it started and ended, and what it is counted under
create table analytics_instance (
    process_instance_id varchar(64)  primary key,
    definition_id       varchar(64)  not null,
    category            varchar(40)  not null,
    project_id          bigint,
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone
);

-- per process definition (version), month and category: instances started, completed (reached an end event),
-- cancelled (deleted), reminders and escalations sent by their escalation steps, instances with a rework loop
create table analytics_period (
    definition_id    varchar(64) not null,
    period_start     date        not null,
    category         varchar(40) not null,
    started          bigint      not null,
    completed        bigint      not null,
    cancelled        bigint      not null,
    reminders        bigint      not null,
    escalations      bigint      not null,
    rework_instances bigint      not null,
    primary key (definition_id, period_start, category)
);

-- per flow node of the finished instances: how often it ran, in how many instances, how often one of its timers fired
create table analytics_node (
    definition_id varchar(64)  not null,
    period_start  date         not null,
    category      varchar(40)  not null,
    node_id       varchar(255) not null,
    executions    bigint       not null,
    instances     bigint       not null,
    timers_fired  bigint       not null,
    primary key (definition_id, period_start, category, node_id)
);

-- per sequence flow of the finished instances: times taken, instances that took it, instances that took it twice or more
create table analytics_flow (
    definition_id      varchar(64)  not null,
    period_start       date         not null,
    category           varchar(40)  not null,
    flow_id            varchar(255) not null,
    taken              bigint       not null,
    instances          bigint       not null,
    repeated_instances bigint       not null,
    primary key (definition_id, period_start, category, flow_id)
);

-- duration distributions (milliseconds) in logarithmic buckets 2 % wide, each with its count, sum, smallest and largest
-- value: CYCLE (subject ''), and per flow node (subject = node id) DURATION, WAIT (user tasks: until claimed or
-- assigned) and WORK (from then to completion). Percentiles are read from these (pmo.improvement.analytics.Distribution).
create table analytics_histogram (
    definition_id varchar(64)  not null,
    period_start  date         not null,
    category      varchar(40)  not null,
    metric        varchar(10)  not null,
    subject       varchar(255) not null,
    bucket        integer      not null,
    n             bigint       not null,
    sum_ms        bigint       not null,
    min_ms        bigint       not null,
    max_ms        bigint       not null,
    primary key (definition_id, period_start, category, metric, subject, bucket),
    constraint ck_analytics_metric check (metric in ('CYCLE', 'DURATION', 'WAIT', 'WORK'))
);

-- the indexer's lock (one indexer at a time, in any number of application nodes) and whether the history that existed
-- before analytics was installed has been queued
create table analytics_state (
    id         integer primary key,
    backfilled boolean not null
);
insert into analytics_state (id, backfilled) values (1, false);
