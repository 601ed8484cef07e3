-- Version 13: the change feed, so that several instances on one database see each other's changes within a second.

-- One row per change that an instance holds a copy of in memory (an application, the APIs, the signing keys, a
-- revoked token), written in the change's own transaction. Every instance polls for rows after the last it read
-- (a range scan of the primary key, which also answers max(id) from one index page) and purges rows older than a few
-- minutes. origin names the instance that wrote the row (random at each start), so that it can skip its own.
CREATE TABLE change_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin     varchar(36)  NOT NULL,
    kind       varchar(16)  NOT NULL,
    subject    varchar(100),
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- For the purge, so that it stays a range scan whatever a burst of changes left behind.
CREATE INDEX change_event_by_creation ON change_event (created_at);
