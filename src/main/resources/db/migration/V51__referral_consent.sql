-- R-CONSENT: the child's and the guardian's consent to share a case with an agency, asked before
-- the referral goes out (R-VIEWS: the child by age and maturity), with what may be shared. One row
-- per request: PENDING while the officer asks, then SHARED or WITHHELD as the referral went.
create table referral_consent (
    id                     varchar(36)  not null primary key,
    case_number            varchar(32)  not null,
    agency                 varchar(64)  not null,
    process_instance_id    varchar(64)  not null,
    province               varchar(8)   not null,
    district               varchar(64)  not null,
    asked_at               timestamp with time zone not null,
    child_consent          varchar(16),
    guardian_consent       varchar(16),
    shares                 varchar(64),
    recorded_by            varchar(64),
    recorded_at            timestamp with time zone,
    outcome                varchar(16)  not null
);
create index referral_consent_case on referral_consent (case_number, agency);
create index referral_consent_area on referral_consent (province, district, asked_at);

-- On what basis each referral went out (R-CONSENT): CONSENT, or LAW where the law allows it
-- without consent (an offence, to the police and investigating agencies), and what was shared.
alter table referral add column sharing_basis varchar(16);
alter table referral add column shared_facts varchar(64);
