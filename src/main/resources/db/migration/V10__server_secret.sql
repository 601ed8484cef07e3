-- Version 10: the secret that server-side keys are derived from (the keyed digest of generated client secrets, the
-- admin device cookie), stored encrypted under the key-encryption key so that the key-encryption key can be
-- rotated: a rotation re-encrypts it, and everything derived from it stays as it was.

CREATE TABLE server_secret (
    name            varchar(64) PRIMARY KEY,
    value_encrypted text        NOT NULL,
    created_at      timestamptz NOT NULL
);
