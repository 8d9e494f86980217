-- Who read a child's identity or changed a case, when, and from where. Written only by the
-- application, never updated or deleted by it.
create table audit_event (
    id              varchar(36)  not null primary key,
    occurred_at     timestamp with time zone not null,
    user_id         varchar(128),
    action          varchar(40)  not null,
    case_number     varchar(32),
    detail          varchar(400),
    remote_address  varchar(64)
);
create index audit_event_case on audit_event (case_number, occurred_at);
create index audit_event_user on audit_event (user_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);

-- A child's name, parents, address and photo, apart from the pathway's variables and encrypted
-- with the installation's key (R-NO-DISCLOSURE). Base64 of AES-GCM ciphertext.
create table child_identity (
    case_number     varchar(32)     not null primary key,
    key_id          varchar(64)     not null,
    ciphertext      varchar(1000000) not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(128)    not null
);
