-- 机构改革: when a department is merged into another, its records move to the successor and each
-- move is kept here, so that reports for periods before the move still count the record under
-- the department that held it then.

CREATE TABLE department_transfers (
  region CHAR(6) NOT NULL,
  record_id BIGINT NOT NULL,
  from_department_id BIGINT NOT NULL,
  to_department_id BIGINT NOT NULL,
  at CHAR(20) NOT NULL,
  PRIMARY KEY (region, record_id, at)
);
