-- What the HTTP server adds (SQLite dialect; same tables as mysql/002_server.sql): login sessions
-- and API tokens, webhook subscriptions and their deliveries, import jobs and their row errors.

CREATE TABLE auth_tokens (
  token_hash CHAR(64) NOT NULL PRIMARY KEY,  -- SHA-256 of the token; the token itself is never kept
  user_id BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,                  -- session | api
  label VARCHAR(100) NOT NULL,
  created_at CHAR(20) NOT NULL,
  expires_at CHAR(20) NULL                   -- NULL = until revoked (API tokens)
);

CREATE TABLE webhook_subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  region CHAR(6) NOT NULL,
  department_id BIGINT NULL,                 -- NULL = the whole region
  url VARCHAR(500) NOT NULL,
  events VARCHAR(500) NOT NULL,              -- comma-separated topics; * = all
  secret VARCHAR(200) NOT NULL,
  active TINYINT NOT NULL DEFAULT 1,
  created_by VARCHAR(64) NOT NULL,
  created_at CHAR(20) NOT NULL
);

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id BIGINT NOT NULL,
  outbox_id BIGINT NOT NULL,
  region CHAR(6) NOT NULL,
  topic VARCHAR(64) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(12) NOT NULL,               -- pending | delivered | failed | cancelled
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at CHAR(20) NOT NULL,
  last_status INT NOT NULL DEFAULT 0,        -- HTTP status of the last attempt; 0 = no answer
  last_error VARCHAR(500) NOT NULL DEFAULT '',
  delivered_at CHAR(20) NULL,
  created_at CHAR(20) NOT NULL
);

CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  region CHAR(6) NOT NULL,
  department_id BIGINT NULL,
  user_login VARCHAR(64) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  status VARCHAR(12) NOT NULL,               -- running | done | failed
  rows_total INT NOT NULL DEFAULT 0,
  rows_done INT NOT NULL DEFAULT 0,
  rows_ok INT NOT NULL DEFAULT 0,
  rows_failed INT NOT NULL DEFAULT 0,
  message TEXT NOT NULL,
  created_at CHAR(20) NOT NULL,
  finished_at CHAR(20) NULL
);

CREATE TABLE import_errors (
  job_id BIGINT NOT NULL,
  row_no INT NOT NULL,                       -- the row in the file (header = 1)
  seq INT NOT NULL,
  field VARCHAR(64) NOT NULL,
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL,
  PRIMARY KEY (job_id, row_no, seq)
);

CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX webhook_subscriptions_region ON webhook_subscriptions (region);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (subscription_id, outbox_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX outbox_undelivered ON outbox (delivered_at, id);
