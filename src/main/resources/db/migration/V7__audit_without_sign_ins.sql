-- The Audit page can hide failed sign-ins (action 'admin.sign-in'), which strangers can cause at will: this index
-- lets it find the newest other events without reading past every failed sign-in of a flood.
CREATE INDEX audit_event_changes ON audit_event (id DESC) WHERE action <> 'admin.sign-in';
