-- Version 6: what the first start provisioned (the bootstrap application, the first administrator), so that later
-- starts neither bring back what an administrator deleted nor undo a secret or password changed since.
-- applied_hash is a salted PBKDF2 hash of the configured secret or password last applied, never the value itself;
-- NULL when none was configured (a generated one was printed) or when it is unknown (an older installation).
-- No foreign key: the row outlives a deleted application on purpose, it is how Clavis knows it was deleted.

CREATE TABLE bootstrap_state (
    kind           varchar(16)  NOT NULL CHECK (kind IN ('application', 'administrator')),
    name           varchar(64)  NOT NULL,
    applied_hash   varchar(200) CHECK (applied_hash LIKE 'pbkdf2-sha256$%'),
    provisioned_at timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    PRIMARY KEY (kind, name)
);

-- An installation created by an older build was bootstrapped already, with a value unknown to this table: the
-- default bootstrap application (if it still holds its role) and every administrator (only bootstrap made them).
-- A configured value is then applied once at the next start if it does not match, and remembered.
INSERT INTO bootstrap_state (kind, name, applied_hash, provisioned_at, updated_at)
SELECT 'application', a.client_id, NULL, a.created_at, now()
FROM application a
WHERE a.client_id = 'clavis-admin'
  AND EXISTS (SELECT 1 FROM application_role r WHERE r.client_id = a.client_id AND r.role_name = 'clavis-admin');

INSERT INTO bootstrap_state (kind, name, applied_hash, provisioned_at, updated_at)
SELECT 'administrator', u.username, NULL, u.created_at, now()
FROM admin_user u;
