-- Reporting upward (seed 002: 数据库对接/API): the platforms above a region (targets), each record
-- change queued for each target that wants it (its own idempotency key, sent in order per record),
-- and, for the reference receiver (gongshi upstream-receiver), what it took in.
CREATE TABLE upstream_targets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  region CHAR(6) NOT NULL,
  name VARCHAR(100) NOT NULL,
  format VARCHAR(8) NOT NULL,              -- json | csv | xlsx
  endpoint VARCHAR(500) NOT NULL,
  credential TEXT NOT NULL,                -- sealed under GONGSHI_UPSTREAM_KEY; '' = none
  changes VARCHAR(200) NOT NULL,           -- comma-separated change types sent
  batch_size INT NOT NULL,
  outbox_from BIGINT NOT NULL,             -- changes after this outbox row are its (backfill the rest)
  active TINYINT NOT NULL DEFAULT 1,
  created_by VARCHAR(64) NOT NULL,
  created_at CHAR(20) NOT NULL
);

CREATE TABLE upstream_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_id BIGINT NOT NULL,
  outbox_id BIGINT NULL,                   -- NULL: a resend or a backfill
  region CHAR(6) NOT NULL,
  record_id BIGINT NOT NULL,
  department_id BIGINT NULL,
  kind VARCHAR(8) NOT NULL,
  document_no VARCHAR(128) NOT NULL,
  subject_code VARCHAR(64) NOT NULL,
  change_type VARCHAR(12) NOT NULL,
  idem_key CHAR(32) NOT NULL,              -- random, the same on every attempt
  record_version INT NOT NULL,
  payload TEXT NOT NULL,                   -- the record's fields as they stood
  status VARCHAR(12) NOT NULL,             -- pending | acknowledged | refused | resent
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at CHAR(20) NOT NULL,
  last_error TEXT NOT NULL,
  changed_at CHAR(20) NOT NULL,
  acknowledged_at CHAR(20) NULL,
  created_at CHAR(20) NOT NULL
);

CREATE TABLE upstream_received (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idem_key VARCHAR(200) NOT NULL,
  sender VARCHAR(64) NOT NULL,             -- the region that sent it
  kind VARCHAR(8) NOT NULL,
  document_no VARCHAR(128) NOT NULL,
  subject_code VARCHAR(64) NOT NULL,
  change_type VARCHAR(12) NOT NULL,
  form VARCHAR(8) NOT NULL,                -- json | csv | xlsx
  payload TEXT NOT NULL,
  received_at CHAR(20) NOT NULL
);

ALTER TABLE outbox ADD COLUMN upstream_at CHAR(20) NULL;

CREATE UNIQUE INDEX upstream_changes_once ON upstream_changes (target_id, outbox_id);
CREATE INDEX upstream_changes_due ON upstream_changes (target_id, status, next_attempt_at);
CREATE INDEX upstream_changes_record ON upstream_changes (target_id, record_id, id);
CREATE UNIQUE INDEX upstream_received_key ON upstream_received (idem_key);
CREATE INDEX outbox_upstream ON outbox (upstream_at, id);
