-- gongshi schema, MySQL/MariaDB dialect. Hot tables are keyed by (region, id) so they can be
-- sharded by region later (TiDB, Vitess). Dates are 'YYYY-MM-DD', times 'YYYY-MM-DDTHH:MM:SSZ'
-- (UTC), both as fixed-width text so that both dialects compare them the same way.

CREATE TABLE regions (
  code CHAR(6) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  parent CHAR(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE departments (
  region CHAR(6) NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  parent_id BIGINT NULL,
  kind VARCHAR(16) NOT NULL,           -- department | township | county
  name VARCHAR(200) NOT NULL,
  uscc CHAR(18) NULL,
  successor_id BIGINT NULL,            -- after 机构改革: where its records and users went
  valid_until CHAR(10) NULL,
  PRIMARY KEY (region, id),
  KEY departments_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region CHAR(6) NOT NULL,
  department_id BIGINT NULL,
  login VARCHAR(64) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  password_hash VARCHAR(255) NOT NULL DEFAULT '',
  roles VARCHAR(200) NOT NULL,         -- comma-separated lifecycle roles
  active TINYINT NOT NULL DEFAULT 1,
  UNIQUE KEY users_login (login),
  KEY users_region (region, department_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE catalog_items (
  region CHAR(6) NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  department_id BIGINT NOT NULL,
  seq INT NOT NULL,                    -- 序号
  power_type VARCHAR(32) NOT NULL,     -- 行政职权类别: 行政许可 | 行政处罚
  name VARCHAR(500) NOT NULL,          -- 项目名称
  basis TEXT NOT NULL,                 -- 设定依据
  subject_categories VARCHAR(100) NOT NULL,
  scope VARCHAR(16) NOT NULL,          -- 公示范围
  PRIMARY KEY (region, id),
  KEY catalog_items_id (id),
  KEY catalog_items_department (region, department_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE records (
  region CHAR(6) NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  department_id BIGINT NULL,
  catalog_item_id BIGINT NULL,
  kind VARCHAR(8) NOT NULL,            -- license | penalty
  state VARCHAR(20) NOT NULL,
  document_no VARCHAR(128) NOT NULL,   -- natural key with region, kind, subject_code
  subject_code VARCHAR(64) NOT NULL,
  decision_date CHAR(10) NOT NULL,
  received_at CHAR(20) NOT NULL,       -- when it reached gongshi: what 迟报/漏报 are measured by
  timeliness VARCHAR(8) NOT NULL,      -- on_time | late | missing (by received_at)
  backfill TINYINT NOT NULL DEFAULT 0, -- 补录: reported separately
  publish_by CHAR(10) NULL,
  late_after CHAR(10) NULL,
  missing_after CHAR(10) NULL,
  publication_end CHAR(10) NULL,
  objection_due CHAR(10) NULL,
  repair_due CHAR(10) NULL,
  withdraw_due CHAR(10) NULL,
  scope VARCHAR(16) NOT NULL,
  flags VARCHAR(255) NOT NULL DEFAULT '',   -- sweeper marks: warned, overdue_late, overdue_missing …
  next_due CHAR(10) NULL,              -- the first day the sweeper has something to do for it
  submitted_at CHAR(20) NULL,
  approved_at CHAR(20) NULL,
  published_at CHAR(20) NULL,
  closed_at CHAR(20) NULL,
  rule_version VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  data MEDIUMTEXT NOT NULL,            -- the standard's fields as JSON
  updated_at CHAR(20) NOT NULL,
  PRIMARY KEY (region, id),
  KEY records_id (id),
  UNIQUE KEY records_natural (region, kind, document_no, subject_code),
  KEY records_list (region, department_id, state, decision_date),
  KEY records_due (next_due)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE events (
  region CHAR(6) NOT NULL,
  record_id BIGINT NOT NULL,
  seq INT NOT NULL,
  event VARCHAR(32) NOT NULL,
  from_state VARCHAR(20) NOT NULL,
  to_state VARCHAR(20) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  actor_role VARCHAR(32) NOT NULL,
  at CHAR(20) NOT NULL,
  payload TEXT NOT NULL,
  rule_version VARCHAR(255) NOT NULL,
  PRIMARY KEY (region, record_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region CHAR(6) NOT NULL,
  record_id BIGINT NOT NULL,
  topic VARCHAR(64) NOT NULL,
  payload TEXT NOT NULL,
  created_at CHAR(20) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at CHAR(20) NOT NULL,
  delivered_at CHAR(20) NULL,
  KEY outbox_pending (delivered_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE idempotency_keys (
  region CHAR(6) NOT NULL,
  idem_key VARCHAR(200) NOT NULL,
  request_hash CHAR(64) NOT NULL,
  record_id BIGINT NOT NULL,
  created_at CHAR(20) NOT NULL,
  PRIMARY KEY (region, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rule_versions (
  region CHAR(6) NOT NULL,
  script_hash CHAR(64) NOT NULL,
  script MEDIUMTEXT NOT NULL,
  author VARCHAR(64) NOT NULL,
  created_at CHAR(20) NOT NULL,
  active TINYINT NOT NULL DEFAULT 0,
  PRIMARY KEY (region, script_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
