-- R-NO-DISCLOSURE: nothing that identifies a child is disclosed "except as a court permits". A
-- court's permission, as the officer records it from the order: which court, which order, to
-- which agency, which facts of the identity, until when. No identity in this table.
create table disclosure_permission (
    id                     varchar(36)  not null primary key,
    case_number            varchar(32)  not null,
    court                  varchar(200) not null,
    order_reference        varchar(100) not null,
    ordered_on             date         not null,
    agency                 varchar(64)  not null,
    facts                  varchar(100) not null,
    valid_until            date,
    recorded_by            varchar(64)  not null,
    recorded_at            timestamp with time zone not null
);
create index disclosure_permission_case on disclosure_permission (case_number, agency);
