-- The figures of whole days, added up once a day is over (pk.hifazat.reporting.TaskFactDays):
-- a range of the country's or a province's bottleneck figures then reads one row per activity
-- and day instead of every fact of the range. The waits and handling times of the day are kept
-- as they were (eight bytes each), so the percentiles over any range stay exact.
create table task_fact_day (
    fact_day                date         not null,
    grain                   varchar(8)   not null,
    process_definition_key  varchar(255) not null,
    activity_id             varchar(255) not null,
    activity_name           varchar(255),
    province                varchar(8),
    arrivals                bigint       not null,
    completions             bigint       not null,
    completed_late          bigint       not null,
    wait_seconds            bytea,
    handle_seconds          bytea
);
create index task_fact_day_range on task_fact_day (grain, fact_day, province);

-- One row per day that is over: stale until its figures are added up, stale again when a fact
-- of that day changes. Writers and the adding-up lock this row, so neither misses the other.
create table task_fact_day_state (
    fact_day     date    not null primary key,
    stale        boolean not null,
    added_up_at  timestamp with time zone
);
