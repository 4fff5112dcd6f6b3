-- Keeps a dozen records of the demo (every state the first ones reach, and the objection and
-- repair filed with attachments at the end) with their history and applications.
DELETE FROM records WHERE NOT (id <= 12 OR id >= 350);
DELETE FROM events WHERE NOT (record_id <= 12 OR record_id >= 350);
DELETE FROM outbox WHERE NOT (record_id <= 12 OR record_id >= 350);
DELETE FROM idempotency_keys WHERE NOT (record_id <= 12 OR record_id >= 350);
DELETE FROM applications WHERE NOT (record_id <= 12 OR record_id >= 350);
DELETE FROM attachment_chunks WHERE attachment_id IN (SELECT id FROM attachments WHERE application_no NOT IN (SELECT number FROM applications));
DELETE FROM attachments WHERE application_no NOT IN (SELECT number FROM applications);
