-- Version 8: APIs (protected resources, RFC 8707). An API's identifier is the `aud` of the tokens issued for it;
-- it understands some roles, and applications are granted the APIs they may call.

CREATE TABLE api (
    id                            varchar(32)  PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{3,32}$'),
    identifier                    varchar(200) NOT NULL UNIQUE CHECK (identifier ~ '^[a-zA-Z][a-zA-Z0-9+.-]*:[!-~]+$'
                                                                      AND position('#' IN identifier) = 0),
    display_name                  varchar(100) NOT NULL CHECK (length(display_name) >= 1),
    token_format                  varchar(20)  NOT NULL CHECK (token_format IN ('RFC9068', 'MICROPROFILE')),
    access_token_lifetime_seconds integer      CHECK (access_token_lifetime_seconds BETWEEN 60 AND 86400),
    enabled                       boolean      NOT NULL,
    -- understands every role but clavis-admin, also roles added later: what every token carried before APIs existed
    every_role                    boolean      NOT NULL DEFAULT false,
    built_in                      boolean      NOT NULL DEFAULT false,
    created_at                    timestamptz  NOT NULL,
    updated_at                    timestamptz  NOT NULL,
    version                       bigint       NOT NULL DEFAULT 0
);

-- The roles an API understands: a token for it carries only these. A role may belong to several APIs.
CREATE TABLE api_role (
    api_id    varchar(32) NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    role_name varchar(64) NOT NULL REFERENCES role (name) ON DELETE CASCADE,
    PRIMARY KEY (api_id, role_name)
);

-- The APIs an application may get tokens for.
CREATE TABLE application_api (
    client_id varchar(64) NOT NULL REFERENCES application (client_id) ON DELETE CASCADE,
    api_id    varchar(32) NOT NULL REFERENCES api (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, api_id)
);

CREATE INDEX application_api_by_api ON application_api (api_id);

-- Which granted API a token request without a target is for, when an application is granted several.
ALTER TABLE application ADD COLUMN default_api_id varchar(32) REFERENCES api (id) ON DELETE SET NULL;

-- Built in: Clavis's administration API, and the API of the sample (what every token was for until now). Their
-- identifiers depend on configuration (the issuer, clavis.token.audience), so start-up writes them: the placeholders
-- below are replaced on the first start (dev.clavis.api.control.BuiltInApis).
-- The default API understands every role but the administration role, so that tokens of existing applications
-- carry the same roles as before, and an application registered as before (with roles, naming no API) gets them too.
INSERT INTO api (id, identifier, display_name, token_format, enabled, every_role, built_in, created_at, updated_at)
VALUES
    ('clavis-administration', 'urn:clavis:pending:administration', 'Clavis administration', 'RFC9068', true, false,
     true, now(), now()),
    ('default', 'urn:clavis:pending:default', 'Default API', 'RFC9068', true, true, false, now(), now());

INSERT INTO api_role (api_id, role_name) VALUES ('clavis-administration', 'clavis-admin');

-- Existing applications keep getting the tokens they got: each is granted the APIs its current roles need.
INSERT INTO application_api (client_id, api_id)
    SELECT DISTINCT client_id, 'clavis-administration' FROM application_role WHERE role_name = 'clavis-admin';
INSERT INTO application_api (client_id, api_id)
    SELECT DISTINCT client_id, 'default' FROM application_role WHERE role_name <> 'clavis-admin';
-- A token request without a target goes where it went before: the default API, for one that holds roles of both.
UPDATE application SET default_api_id = 'default'
    WHERE client_id IN (SELECT client_id FROM application_api WHERE api_id = 'default')
      AND client_id IN (SELECT client_id FROM application_api WHERE api_id = 'clavis-administration');
