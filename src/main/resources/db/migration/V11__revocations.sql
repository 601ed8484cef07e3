-- Version 11: token revocation (RFC 7009) and introspection (RFC 7662).

-- A revoked token, by its jti, until the token would have expired anyway; then the row is purged. Every instance
-- holds the live rows in memory and reads the ones revoked since its last look (by revoked_at, with an overlap).
CREATE TABLE revoked_token (
    jti        varchar(64) PRIMARY KEY,
    client_id  varchar(64) NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX revoked_token_by_expiry ON revoked_token (expires_at);
CREATE INDEX revoked_token_by_revocation ON revoked_token (revoked_at);

-- "Revoke all tokens": every token issued to the application up to this instant is no longer active.
ALTER TABLE application ADD COLUMN tokens_revoked_before timestamptz;

-- The application that introspects tokens for an API: the resource server's own credentials (RFC 7662 §2.1).
ALTER TABLE api ADD COLUMN introspecting_client_id varchar(64)
    REFERENCES application (client_id) ON DELETE SET NULL;
