-- Failed client authentications and sign-ins of every instance (and the successes that end a source's failures), for a few minutes (platform.control
-- SharedGuessFailures): the guessing limits hold across instances and restarts. Written in batches, read by id.
-- source is a digest (the throttle's own), never an address or a device cookie as it is.
CREATE TABLE guess_failure (
    id        BIGSERIAL PRIMARY KEY,
    throttle  VARCHAR(16)  NOT NULL,
    target    VARCHAR(600) NOT NULL,
    source    VARCHAR(64)  NOT NULL,
    proven    BOOLEAN      NOT NULL,
    -- true: not a failure but the success that ended this source's failures at this target
    cleared   BOOLEAN      NOT NULL DEFAULT false,
    instance  VARCHAR(36)  NOT NULL,
    failed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX guess_failure_failed_at ON guess_failure (failed_at);
