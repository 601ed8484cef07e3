-- Version 5: secrets Clavis generates are stored as a keyed digest (HMAC-SHA-256 under a key outside the database);
-- secrets a person typed keep their slow PBKDF2 hash.
ALTER TABLE client_secret DROP CONSTRAINT client_secret_secret_hash_check;
ALTER TABLE client_secret ADD CONSTRAINT client_secret_secret_hash_check
    CHECK (secret_hash LIKE 'pbkdf2-sha256$%' OR secret_hash LIKE 'hmac-sha256$%');

-- Addresses from which an application authenticated with a typed secret: such a source is exempt from the budget of
-- failures that all other sources share, so that guessing from elsewhere never locks the real client out, also after
-- a restart. Written once per application and address (and refreshed daily), never for a failure.
CREATE TABLE proven_source (
    client_id       varchar(64) NOT NULL REFERENCES application (client_id) ON DELETE CASCADE,
    address         varchar(45) NOT NULL,
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, address)
);
