-- Spring Modulith's event publication registry (its v2 schema for PostgreSQL): an event a module
-- listens to is stored in the publishing transaction and marked complete when its listener
-- has run, so a crash between the two loses nothing; incomplete ones are resubmitted.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
