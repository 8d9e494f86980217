-- A case moved to another district or province (a child moved, repatriated, or reported in the
-- wrong place): proposed by the case's officer or supervisor, accepted or declined by the
-- receiving district's supervisor. The statutory clocks never restart across it (R-COURT-24H,
-- R-DECISION-4M); the transfer request has its own policy deadline (R-TRANSFER-ACK).
create table case_transfer (
    id                     varchar(36)  not null primary key,
    case_number            varchar(32)  not null,
    from_province          varchar(8)   not null,
    from_district          varchar(64)  not null,
    to_province            varchar(8)   not null,
    to_district            varchar(64)  not null,
    reason                 varchar(32)  not null,
    note                   varchar(1000),
    requested_by           varchar(64)  not null,
    requested_at           timestamp with time zone not null,
    status                 varchar(16)  not null,
    decided_by             varchar(64),
    decided_at             timestamp with time zone,
    decline_reason         varchar(1000),
    process_instance_id    varchar(64),
    -- The case number while the transfer waits for its answer: one pending transfer per case.
    pending_case           varchar(32)
);
create unique index case_transfer_one_pending on case_transfer (pending_case);
create index case_transfer_case on case_transfer (case_number, requested_at);
create index case_transfer_route on case_transfer (from_province, to_province, requested_at);
