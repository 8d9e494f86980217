-- R-COMPENSATION: every compensation claim, decision and payment of a case, one row each, so
-- reporting can count them by area and time (000 para 30(e); 001 para 2(d)). No identity of the
-- child (R-NO-DISCLOSURE): the case number links to the case file.
-- event: NOT_ELIGIBLE, CLAIM_FILED, DECISION, APPEAL, APPEAL_DECISION or PAYMENT;
-- outcome: GRANTED or DENIED (DECISION, APPEAL_DECISION), FILED or NOT_FILED (APPEAL);
-- amount in PKR: requested (CLAIM_FILED), granted (a GRANTED decision), paid (PAYMENT).
create table compensation_event (
    id                      varchar(36)  not null primary key,
    case_number             varchar(32)  not null,
    process_instance_id     varchar(64)  not null,
    province                varchar(8),
    district                varchar(64),
    event                   varchar(32)  not null,
    outcome                 varchar(16),
    scheme                  varchar(40),
    amount                  numeric(14, 2),
    occurred_at             timestamp with time zone not null,
    recorded_at             timestamp with time zone not null
);
create index compensation_event_area on compensation_event (province, district, occurred_at);
create index compensation_event_case on compensation_event (case_number);

-- R-PROSECUTION: investigation, prosecution, verdict and sentence of a case, one row each, for
-- the statistics the Committee asks for (000 para 25-26; 001 para 2: investigated, prosecuted,
-- convicted).
-- event: INVESTIGATION, PROSECUTION, VERDICT or SENTENCE;
-- outcome: FIR_REGISTERED or NO_FIR (INVESTIGATION), STARTED or NOT_STARTED (PROSECUTION),
-- CONVICTED, ACQUITTED or WITHDRAWN (VERDICT); agency: POLICE, FIA or NCCIA once known.
create table justice_event (
    id                      varchar(36)  not null primary key,
    case_number             varchar(32)  not null,
    process_instance_id     varchar(64)  not null,
    province                varchar(8),
    district                varchar(64),
    event                   varchar(32)  not null,
    outcome                 varchar(16),
    agency                  varchar(16),
    occurred_at             timestamp with time zone not null,
    recorded_at             timestamp with time zone not null
);
create index justice_event_area on justice_event (province, district, occurred_at);
create index justice_event_case on justice_event (case_number);
