// The calendar page in real Chromium at the end of 2026, before the 2027 holiday notice is loaded:
// a penalty decided on 2026-12-28 has the provisional deadline 2027-01-04 (weekdays only); the
// page counts and lists it; a broken file is refused with the API's reason and nothing loaded;
// the system administrator loads 2027 through the page (a file upload), and the deadline becomes
// the real one, 2027-01-05, the record no longer provisional. A 信用办 is not offered the national
// notice. (tests/data/calendar/2027-test.json is made-up test data, not the State Council's.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, signIn } from './support/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = (p) => path.resolve(here, '../..', p);
let site;
before(async () => {
  site = await startSite({ now: '2026-12-28T09:00+08:00' });
});
after(async () => {
  await site?.close();
});

test('a 2027 calendar loaded through the page clears a provisional deadline', async () => {
  const filler = await site.api('tianbao');
  const sample = JSON.parse(readFileSync(source('schemas/samples/penalty.json'), 'utf8'));
  const created = await filler('POST', '/api/v1/records', {
    kind: 'penalty',
    fields: { ...sample, CF_WSH: '殷市监罚〔2026〕1228号', CF_JDRQ: '2026-12-28', CF_YXQ: '2027-12-28' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const record = created.body;
  assert.equal(record.calendar_provisional, true);
  assert.equal(record.deadlines.publish_by, '2027-01-04');

  // The 信用办 sees the count, but loads only its region's own days.
  const office = await site.page();
  await signIn(site, office, 'xinyongban');
  await office.waitForURL(/\/board$/);
  await office.goto(`${site.url}/calendar`);
  await office.locator('[data-test="calendar-provisional"]').getByText(/^[1-9]\d* 条$/).waitFor();
  await office.locator('[data-test="calendar-scope"] .el-radio-button').first().waitFor();
  const scopes = await office.locator('[data-test="calendar-scope"] .el-radio-button').allInnerTexts();
  assert.deepEqual(scopes.map((x) => x.trim()), ['本地区调整（410505）']);
  await office.context().close();
  const notice = readFileSync(source('tests/data/calendar/2027-test.json'), 'utf8');
  const byOffice = await (await site.api('xinyongban'))('PUT', '/api/v1/calendar/2027', JSON.parse(notice));
  assert.equal(byOffice.status, 403, 'the server refuses the national notice from a 信用办 too');

  const page = await site.page();
  await signIn(site, page, 'admin');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${site.url}/calendar`);
  const provisional = page.locator('[data-test="calendar-provisional"]');
  await provisional.getByText(/^[1-9]\d* 条$/).waitFor();
  const before = Number((await provisional.innerText()).match(/\d+/)[0]);
  assert.match(await page.locator('[data-test="calendar-complete"]').innerText(), /^2026-12-31$/);

  // The provisional records, listed: ours among them, marked.
  await page.locator('[data-test="calendar-provisional-list"]').click();
  await page.waitForURL(/\/records\?provisional=true/);
  const listed = page.locator('[data-test="records"] .el-table__row', { hasText: '殷市监罚〔2026〕1228号' });
  await listed.waitFor();
  assert.equal(await page.locator('[data-test="records"] .el-table__row').count(), before);
  assert.match(await listed.innerText(), /2027-01-04/);
  await page.goBack();

  // A file that is not a whole year is refused with the reason; nothing is loaded.
  const broken = path.join(site.dir, '2027-broken.json');
  writeFileSync(broken, JSON.stringify({ year: 2027, notices: [], holidays: [] }));
  await page.locator('[data-test="calendar-file"]').setInputFiles(broken);
  await page.locator('[data-test="calendar-load"]').click();
  await page.locator('[data-test="calendar-error"]').waitFor();
  assert.match(await page.locator('[data-test="calendar-error"]').innerText(), /通知|notice/);
  assert.equal((await filler('GET', `/api/v1/records/${record.region}/${record.id}`)).body.deadlines.publish_by, '2027-01-04');

  // The year itself: uploaded, its year read from the file, loaded; the deadline recomputed.
  await page.locator('[data-test="calendar-file"]').setInputFiles(source('tests/data/calendar/2027-test.json'));
  await page.locator('[data-test="calendar-load"]', { hasText: '2027' }).click();
  const result = page.locator('[data-test="calendar-result"]');
  await result.waitFor({ timeout: 30000 });
  assert.match(await result.innerText(), /已载入 2027 年/);
  assert.match(await result.innerText(), new RegExp(`期限已重算\\s*${before} 条`));
  await provisional.getByText(/^0 条$/).waitFor();
  await page.locator('[data-test="calendar-complete"]').getByText('2027-12-31').waitFor();
  await site.screenshot(page, 'calendar-loaded', { full: true });

  const after = (await filler('GET', `/api/v1/records/${record.region}/${record.id}`)).body;
  assert.equal(after.calendar_provisional, false);
  assert.equal(after.deadlines.publish_by, '2027-01-05');
  // The record's page shows the real deadline, and its history the recomputation.
  await page.goto(`${site.url}/records/${record.region}/${record.id}`);
  await page.getByText('2027-01-05').first().waitFor();
  assert.equal(await page.getByText('期限暂按工作日（周一至周五）计算').count(), 0);
  const history = (await filler('GET', `/api/v1/records/${record.region}/${record.id}/history`)).body.events;
  const recompute = history.find((e) => e.event === 'recompute_deadlines');
  assert.equal(recompute.payload.changes.publish_by.new, '2027-01-05');
  await page.context().close();
});
