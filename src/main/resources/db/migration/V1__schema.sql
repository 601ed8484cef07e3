-- Clavis schema, version 1: applications (OAuth clients), their secrets and roles, and signing keys.
-- The CHECK constraints repeat the rules the application enforces, so that no other writer can break them.

CREATE TABLE role (
    name        varchar(64)  PRIMARY KEY CHECK (name ~ '^[a-z0-9._-]{2,64}$'),
    description varchar(500) NOT NULL,
    built_in    boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE application (
    client_id                     varchar(64)  PRIMARY KEY CHECK (client_id ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
    display_name                  varchar(100) NOT NULL CHECK (length(display_name) >= 1),
    client_type                   varchar(20)  NOT NULL CHECK (client_type IN ('CONFIDENTIAL')),
    client_credentials_flow       boolean      NOT NULL,
    enabled                       boolean      NOT NULL,
    access_token_lifetime_seconds integer      CHECK (access_token_lifetime_seconds BETWEEN 60 AND 86400),
    created_at                    timestamptz  NOT NULL,
    updated_at                    timestamptz  NOT NULL,
    version                       bigint       NOT NULL DEFAULT 0
);

CREATE TABLE application_role (
    client_id varchar(64) NOT NULL REFERENCES application (client_id) ON DELETE CASCADE,
    role_name varchar(64) NOT NULL REFERENCES role (name),
    PRIMARY KEY (client_id, role_name)
);

CREATE INDEX application_role_by_role ON application_role (role_name);

-- Only a salted PBKDF2 hash of each secret is stored, and its last four characters as a hint.
CREATE TABLE client_secret (
    id          varchar(32)  PRIMARY KEY,
    client_id   varchar(64)  NOT NULL REFERENCES application (client_id) ON DELETE CASCADE,
    secret_hash varchar(200) NOT NULL CHECK (secret_hash LIKE 'pbkdf2-sha256$%'),
    hint        varchar(4)   NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz
);

CREATE INDEX client_secret_by_application ON client_secret (client_id);

-- The private key is a JWE encrypted under the key-encryption key from configuration.
CREATE TABLE signing_key (
    kid                   varchar(64) PRIMARY KEY,
    algorithm             varchar(16) NOT NULL,
    public_jwk            text        NOT NULL,
    private_jwk_encrypted text        NOT NULL,
    state                 varchar(16) NOT NULL CHECK (state IN ('NEXT', 'ACTIVE', 'RETIRED')),
    created_at            timestamptz NOT NULL,
    activated_at          timestamptz
);

CREATE UNIQUE INDEX signing_key_one_active ON signing_key (state) WHERE state = 'ACTIVE';
