-- Reports already answered, by the keys a sender may retry them with: the Idempotency-Key header
-- (per user) and the source system's own report id (per source and district). A retried report
-- gets the case it opened, never a second one. Written in the transaction that opens the case.
create table intake_request (
    request_key          varchar(400)    not null primary key,
    request_hash         varchar(64)     not null,
    case_number          varchar(32)     not null,
    process_instance_id  varchar(64)     not null,
    registered_by        varchar(128),
    received_at          timestamp with time zone not null
);
create index intake_request_case on intake_request (case_number);
