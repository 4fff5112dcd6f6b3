-- The calendar as live data, and publication periods by regime and severity (MySQL dialect; same
-- tables as sqlite/005_calendar_periods.sql).
--
-- calendar_years: each year's State Council notice (region 000000) or a region's own days for a
-- year, as loaded at run time (`gongshi calendar load`, PUT /api/v1/calendar/{year}), with who
-- loaded it. Every load is kept; the one with the highest version is in force. Every server
-- process installs what is in force (the same way uploaded rule versions reach every process).

CREATE TABLE calendar_years (
  region CHAR(6) NOT NULL,
  year INT NOT NULL,
  version INT NOT NULL,
  body MEDIUMTEXT NOT NULL,
  body_hash CHAR(64) NOT NULL,
  title VARCHAR(200) NOT NULL,
  number VARCHAR(100) NOT NULL,
  published CHAR(10) NULL,
  loaded_by VARCHAR(64) NOT NULL,
  loaded_at CHAR(20) NOT NULL,
  PRIMARY KEY (region, year, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- repair_from: credit repair may be applied for from this day (the regime's minimum period).
-- calendar_provisional: a deadline reaches a year without holiday data and was counted on weekdays
-- only; recomputed when the year is loaded. rule_notes: how the rules decided (JSON).
ALTER TABLE records ADD COLUMN repair_from CHAR(10) NULL;
ALTER TABLE records ADD COLUMN calendar_provisional TINYINT NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN rule_notes MEDIUMTEXT NULL;
CREATE INDEX records_provisional ON records (calendar_provisional, region);
-- A period's records in the order they were received, page by page (what-if): a range scan.
CREATE INDEX records_received_order ON records (region, received_at, id);
