-- One data key per case, wrapped (AES-GCM) by the installation's key. The case's papers are
-- encrypted with it; deleting the row shreds them wherever copies are kept (R-NO-DISCLOSURE).
create table case_key (
    case_number     varchar(32)  not null primary key,
    key_id          varchar(64)  not null,
    wrapped_key     bytea        not null,
    created_at      timestamp with time zone not null
);

-- Documents of a case (FIR, medical and age reports, court orders, consent): the content is
-- encrypted with the case's key. The uploader's file name is not kept: it may name the child.
create table case_document (
    id              varchar(36)  not null primary key,
    case_number     varchar(32)  not null,
    document_type   varchar(20)  not null,
    media_type      varchar(40)  not null,
    size_bytes      bigint       not null,
    content         bytea        not null,
    uploaded_at     timestamp with time zone not null,
    uploaded_by     varchar(128) not null
);
create index case_document_case on case_document (case_number, uploaded_at);

-- Case notes: signed and dated, never changed; a correction is a new note naming the one it
-- corrects.
create table case_note (
    id              varchar(36)   not null primary key,
    case_number     varchar(32)   not null,
    written_at      timestamp with time zone not null,
    written_by      varchar(128)  not null,
    body            varchar(4000) not null,
    corrects        varchar(36)   references case_note (id)
);
create index case_note_case on case_note (case_number, written_at);

-- Retention: legal holds placed by supervisors, and each kind of record (identity, documents,
-- notes) erased from a case: one row per case and kind, inserted in the erasure's transaction so
-- that only one node erases and audits it.
create table legal_hold (
    case_number     varchar(32)  not null primary key,
    reason          varchar(400) not null,
    placed_at       timestamp with time zone not null,
    placed_by       varchar(128) not null
);
create table case_erasure (
    case_number     varchar(32)  not null,
    kind            varchar(20)  not null,
    erased_at       timestamp with time zone not null,
    records         varchar(200) not null,
    primary key (case_number, kind)
);
