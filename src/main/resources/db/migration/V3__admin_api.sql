-- Version 3: what the administration API needs: a version on roles for optimistic locking, and the audit trail.

ALTER TABLE role ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE role ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Who changed what, and how it ended. Never a secret.
CREATE TABLE audit_event (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(100) NOT NULL,
    action      varchar(64)  NOT NULL,
    target      varchar(200) NOT NULL,
    outcome     varchar(500) NOT NULL
);

CREATE INDEX audit_event_by_time ON audit_event (occurred_at DESC);
