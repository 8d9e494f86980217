-- One row per user task: what the bottleneck figures are computed from, by area and activity.
create table task_fact (
    task_id                 varchar(64)  not null primary key,
    case_number             varchar(32)  not null,
    process_instance_id     varchar(64)  not null,
    process_definition_key  varchar(255) not null,
    activity_id             varchar(255) not null,
    activity_name           varchar(255),
    province                varchar(8),
    district                varchar(64),
    agency                  varchar(64),
    created_at              timestamp with time zone not null,
    claimed_at              timestamp with time zone,
    completed_at            timestamp with time zone,
    due_at                  timestamp with time zone,
    wait_seconds            bigint,
    handle_seconds          bigint,
    completed_late          boolean      not null,
    state                   varchar(12)  not null
);
create index task_fact_open on task_fact (state, province, district);
create index task_fact_created on task_fact (province, district, created_at);
create index task_fact_completed on task_fact (province, district, completed_at);
create index task_fact_case on task_fact (case_number);

-- Referrals (R-REFERRAL) are measured by the agency that receives them.
alter table sla_clock add column agency varchar(64);
create index sla_clock_area on sla_clock (province, district, due_at);
create index sla_clock_breached on sla_clock (province, district, breached_at);
