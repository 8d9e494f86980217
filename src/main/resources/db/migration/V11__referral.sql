-- Referrals of a case to the agencies it needs (R-REFERRAL, R-LEGAL-AID): one row per agency
-- asked, including the next agency a declined referral went to. No child's identity here
-- (R-NO-DISCLOSURE), and no free text: reasons and summaries stay with the task.
create table referral (
    id                      varchar(36)  not null primary key,
    case_number             varchar(32)  not null,
    process_instance_id     varchar(64)  not null,
    agency                  varchar(64)  not null,
    previous_referral_id    varchar(36),
    province                varchar(8)   not null,
    district                varchar(64)  not null,
    status                  varchar(16)  not null,
    sent_at                 timestamp with time zone not null,
    answered_at             timestamp with time zone,
    delivered_at            timestamp with time zone,
    outcome                 varchar(32),
    closed_at               timestamp with time zone
);
create index referral_case on referral (case_number);
create index referral_instance on referral (process_instance_id);
create index referral_area on referral (province, district, sent_at);
create index referral_agency on referral (agency, status);
