-- Version 12: an API may pin the algorithm its tokens are signed with, for a resource server that verifies only
-- that one; null signs with the configured algorithm. Each pinned algorithm gets its own chain of signing keys.

ALTER TABLE api ADD COLUMN signing_algorithm varchar(16)
    CHECK (signing_algorithm IN ('RS256', 'ES256', 'PS256', 'EdDSA'));
