-- The case file: one row per case, the facts reporting is disaggregated by (R-DATA-DISAGGREGATED).
-- No name, parent, address or photo of the child is kept here (R-NO-DISCLOSURE).
create table case_file (
    case_number            varchar(32)  not null primary key,
    process_instance_id    varchar(64)  not null,
    province               varchar(8)   not null,
    district               varchar(64)  not null,
    reported_at            timestamp with time zone not null,
    source                 varchar(32)  not null,
    child_sex              varchar(1)   not null,
    child_age_years        integer      not null,
    age_estimated          boolean      not null,
    age_disputed           boolean      not null,
    nationality            varchar(2)   not null,
    religion               varchar(64),
    ethnicity              varchar(64),
    socioeconomic_status   varchar(64),
    residence              varchar(8),
    offence_types          varchar(400) not null,
    custody_taken_at       timestamp with time zone,
    stage                  varchar(40)  not null,
    stage_entered_at       timestamp with time zone not null,
    registered_at          timestamp with time zone not null,
    registered_by          varchar(64)  not null
);
create index case_file_area on case_file (province, district);

-- Case numbers run per province and year: PB-2026-000123.
create table case_number_counter (
    province       varchar(8) not null,
    counter_year   integer    not null,
    last_value     bigint     not null,
    primary key (province, counter_year)
);

-- Deadline clocks declared in the models with sla.* extension properties.
create table sla_clock (
    id                      varchar(36)  not null primary key,
    case_number             varchar(32)  not null,
    process_instance_id     varchar(64)  not null,
    process_definition_key  varchar(255) not null,
    element_id              varchar(255) not null,
    rule_id                 varchar(64)  not null,
    kind                    varchar(16)  not null,
    province                varchar(8),
    district                varchar(64),
    started_at              timestamp with time zone not null,
    warning_at              timestamp with time zone,
    due_at                  timestamp with time zone not null,
    status                  varchar(16)  not null,
    at_risk_at              timestamp with time zone,
    breached_at             timestamp with time zone,
    stopped_at              timestamp with time zone,
    stop_reason             varchar(16)
);
create index sla_clock_case on sla_clock (case_number);
create index sla_clock_instance_rule on sla_clock (process_instance_id, rule_id);
create index sla_clock_open_due on sla_clock (status, due_at);
