-- The blind index of identifying facts: keyed hashes only, never a name, year or number in the
-- clear (R-NO-DISCLOSURE). A child is looked up by equality on key_hash, never by a scan.
create table match_key (
    case_number     varchar(32)  not null,
    kind            varchar(4)   not null,
    key_hash        varchar(32)  not null,
    primary key (case_number, kind, key_hash)
);
create index match_key_hash on match_key (key_hash);

-- Two cases that may be the same child: found when an identity was recorded, then asked about,
-- confirmed or declined by the other district's supervisor.
create table possible_match (
    id                  varchar(36)  not null primary key,
    case_number         varchar(32)  not null,
    other_case_number   varchar(32)  not null,
    reasons             varchar(100) not null,
    found_at            timestamp with time zone not null,
    status              varchar(16)  not null,
    requested_by        varchar(128),
    requested_at        timestamp with time zone,
    decided_by          varchar(128),
    decided_at          timestamp with time zone,
    constraint possible_match_pair unique (case_number, other_case_number)
);
create index possible_match_other on possible_match (other_case_number);

-- A confirmed match: the later case's previous case, and whether the child was trafficked again.
create table case_link (
    case_number             varchar(32)  not null,
    previous_case_number    varchar(32)  not null,
    match_id                varchar(36)  not null,
    re_trafficked           boolean      not null,
    confirmed_at            timestamp with time zone not null,
    confirmed_by            varchar(128) not null,
    primary key (case_number, previous_case_number)
);
create index case_link_confirmed on case_link (confirmed_at);
