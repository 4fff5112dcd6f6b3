-- Seed 000 附件2 and seed 001 附件1 ask every unit for its 分管领导, 责任科室 and 联系人 (with a
-- telephone): kept on the department, shown on the departments page.

ALTER TABLE departments ADD COLUMN leader VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE departments ADD COLUMN section VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE departments ADD COLUMN contact_name VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE departments ADD COLUMN contact_phone VARCHAR(40) NOT NULL DEFAULT '';
