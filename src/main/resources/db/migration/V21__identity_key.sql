-- Which installation key the identities are encrypted with: a fingerprint (an HMAC under the key
-- itself, which says nothing of the key) per key id. A node started with another key refuses to
-- start instead of answering every identity read with an error.
create table identity_key (
    key_id          varchar(64)     not null primary key,
    fingerprint     varchar(64)     not null,
    recorded_at     timestamp with time zone not null
);
