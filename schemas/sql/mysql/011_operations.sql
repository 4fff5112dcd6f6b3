-- Running gongshi as a service (issue 30): the account policy, the security audit trail and the
-- private CA an upstream target may need.

-- Lockout after failed sign-ins (counted across server processes), a password an administrator
-- set must be changed at first sign-in, and when it last changed.
ALTER TABLE users ADD COLUMN must_change_password TINYINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN failed_logins INT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until CHAR(20) NULL;
ALTER TABLE users ADD COLUMN password_changed_at CHAR(20) NULL;

-- A session ends after the idle time since its last use.
ALTER TABLE auth_tokens ADD COLUMN last_used_at CHAR(20) NULL;

-- Who did what to the service's security (等保 2.0: kept at least six months, never deleted
-- through the API): sign-ins, lockouts, refusals, user and role changes, rule activations,
-- calendar loads, key and target changes, backups and restores.
CREATE TABLE audit_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at CHAR(20) NOT NULL,
  event VARCHAR(40) NOT NULL,
  actor VARCHAR(64) NOT NULL,       -- the login, or '' (a failed sign-in of an unknown name: in target)
  region CHAR(6) NOT NULL,          -- the region it concerns ('' when none)
  client VARCHAR(64) NOT NULL,      -- the client's address ('' from the command line)
  target VARCHAR(200) NOT NULL,     -- what it was done to (a user, a route, a region …)
  detail MEDIUMTEXT NOT NULL             -- JSON
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_event ON audit_events (event, at);
CREATE INDEX audit_events_actor ON audit_events (actor, at);

-- A platform above behind a private CA: its certificate file (PEM), '' for the system's CAs.
ALTER TABLE upstream_targets ADD COLUMN ca_file VARCHAR(500) NOT NULL DEFAULT '';
