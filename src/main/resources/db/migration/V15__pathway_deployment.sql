-- Every change to a pathway, through any door (policy page and API, the engine's REST API that
-- Camunda Modeler uses, the processes/ folder at start): who, when, what it changed, and for a
-- refused one, why. Written only by the application, never updated or deleted by it.
create table pathway_deployment (
    id              varchar(36)     not null primary key,
    deployment_id   varchar(64),
    door            varchar(16)     not null,
    source          varchar(255),
    outcome         varchar(16)     not null,
    deployed_by     varchar(128),
    deployed_at     timestamp with time zone not null,
    resources       varchar(4000)   not null,
    changes         varchar(1000000) not null,
    findings        varchar(1000000) not null
);
create index pathway_deployment_time on pathway_deployment (deployed_at);
create index pathway_deployment_engine on pathway_deployment (deployment_id);
