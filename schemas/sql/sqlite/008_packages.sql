-- Offline packages (方式三) imported here: one row per package, by the id its manifest carries, so
-- that importing the same package again creates nothing and says when it was first imported.
CREATE TABLE package_imports (
  package_id CHAR(32) NOT NULL PRIMARY KEY,
  region CHAR(6) NOT NULL,
  period_from CHAR(10) NOT NULL,
  period_to CHAR(10) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  imported_at CHAR(20) NOT NULL,
  imported_by VARCHAR(64) NOT NULL,
  created INT NOT NULL,
  repeated INT NOT NULL,
  refused INT NOT NULL
);
