-- Applications about a record from its subject (行政相对人): an 异议 (objection) or a 信用修复
-- (credit repair). Filed through the public routes (channel online, with a query code whose
-- SHA-256 is kept) or registered by staff from paper (channel paper, phone, letter, visit).
-- state: filed (待受理) -> accepted (受理) | refused (不予受理); accepted -> closed, with the record
-- event that settled it in outcome. A repair is accepted when filed (the record moves at once).

CREATE TABLE applications (
  number VARCHAR(24) NOT NULL PRIMARY KEY,
  kind VARCHAR(12) NOT NULL,                 -- objection | repair
  region CHAR(6) NOT NULL,
  record_id BIGINT NOT NULL,
  department_id BIGINT NOT NULL,
  channel VARCHAR(12) NOT NULL,
  type VARCHAR(16) NOT NULL,                 -- the objection's type (错误 …); "" for a repair
  state VARCHAR(12) NOT NULL,
  subject_code VARCHAR(32) NOT NULL,
  contact_name VARCHAR(64) NOT NULL,
  contact_phone VARCHAR(32) NOT NULL,
  description TEXT NOT NULL,
  code_hash CHAR(64) NOT NULL,               -- "" when registered by staff
  filed_by VARCHAR(80) NOT NULL,             -- the client address, or the staff login
  filed_at CHAR(20) NOT NULL,
  decided_at CHAR(20) NULL,
  decided_by VARCHAR(64) NULL,
  closed_at CHAR(20) NULL,
  outcome VARCHAR(32) NULL,
  reason TEXT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX applications_record ON applications (region, record_id, kind, state);
CREATE INDEX applications_queue ON applications (region, kind, state, filed_at);

-- Files attached to an application (PDF, JPEG, PNG), in the database so that they commit or
-- roll back with the application and every server on a shared database sees them. The bytes are
-- kept base64 in chunks of 512 KiB.
CREATE TABLE attachments (
  id CHAR(32) NOT NULL PRIMARY KEY,
  application_no VARCHAR(24) NULL,           -- null until an application claims it
  sha256 CHAR(64) NOT NULL,
  size BIGINT NOT NULL,
  media_type VARCHAR(32) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  uploader VARCHAR(80) NOT NULL,
  created_at CHAR(20) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX attachments_application ON attachments (application_no);

CREATE TABLE attachment_chunks (
  attachment_id CHAR(32) NOT NULL,
  seq INT NOT NULL,
  data MEDIUMTEXT CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (attachment_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
