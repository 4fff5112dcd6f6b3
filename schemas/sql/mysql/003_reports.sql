-- The supervision reports count records by when they reached gongshi, and upheld objections by
-- when they were decided: one index each, so a month is a range scan, not a full one.

CREATE INDEX records_received ON records (region, received_at, department_id);
CREATE INDEX events_by_kind ON events (region, event, at);
