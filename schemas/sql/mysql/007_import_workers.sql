-- Which server process runs an import job (host:pid) and the file it reads, so that a process
-- starting after a crash can mark its dead jobs failed and remove their files.
ALTER TABLE import_jobs ADD COLUMN worker VARCHAR(80) NULL;
ALTER TABLE import_jobs ADD COLUMN work_file VARCHAR(1024) NULL;
