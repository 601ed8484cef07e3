-- Version 9: signing keys rotate on a schedule. A key's phase (next, active, retired, revoked) follows from the
-- instants written when it is made, so every instance switches at the same moment without talking to the others;
-- the stored state column goes.

ALTER TABLE signing_key RENAME COLUMN activated_at TO active_from;
UPDATE signing_key SET active_from = created_at WHERE active_from IS NULL;
ALTER TABLE signing_key ALTER COLUMN active_from SET NOT NULL;
-- null while not scheduled: the key that signed until now keeps signing until start-up schedules its successor
ALTER TABLE signing_key ADD COLUMN retires_at timestamptz;
ALTER TABLE signing_key ADD COLUMN revoked_at timestamptz;
UPDATE signing_key SET retires_at = now() WHERE state = 'RETIRED';

DROP INDEX signing_key_one_active;
ALTER TABLE signing_key DROP COLUMN state;
ALTER TABLE signing_key ADD CONSTRAINT signing_key_retires_after_start
    CHECK (retires_at IS NULL OR retires_at >= active_from);
