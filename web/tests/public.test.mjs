// The public's pages in real Chromium at a phone's width (375 px), on the demo data: a subject finds
// its record on /gongshi by 文书号, files an objection with a photo attached, gets a number and a
// query code; the objection handler sees the photo inline, accepts the objection and corrects the
// record through its form (the diff shown first); the public page then shows the corrected value
// and 已更正, and the subject's query shows the objection settled as corrected. Also: the search
// masks natural persons as the API does, the catalog and the Atom feed, and no page scrolls
// sideways on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSite, signIn } from './support/site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const publicJson = async (p) => {
  const r = await fetch(site.url + p);
  assert.equal(r.status, 200, p);
  return r.json();
};
// Nothing wider than the phone: the page does not scroll sideways.
const fitsThePhone = async (page, what) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `${what} is ${width} px wide on a 375 px screen`);
};
// A real PNG (a photo of a document, as a phone would send), drawn by the browser itself.
async function photo(page, file) {
  const data = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 120;
    c.height = 80;
    const g = c.getContext('2d');
    g.fillStyle = '#c00';
    g.fillRect(0, 0, 120, 80);
    g.fillStyle = '#fff';
    g.fillRect(10, 10, 100, 20);
    return c.toDataURL('image/png').split(',')[1];
  });
  writeFileSync(file, Buffer.from(data, 'base64'));
}

test('a subject objects from a phone; the handler accepts and corrects; the public sees it corrected', async (t) => {
  // A published penalty on a company (its 统一社会信用代码 is public; the subject proves identity with it).
  // One without an application of the demo's already waiting.
  const waiting = (await (await site.api('yiyi'))('GET', '/api/v1/objections')).body.items.map((o) => o.record.id);
  const list = await publicJson('/public/records?kind=penalty&limit=100');
  const record = list.items.find(
    (r) => r.fields.CF_XDR_LB === '法人及非法人组织' && !r.corrected && r.status_label === '已公示' && !waiting.includes(r.id),
  );
  assert.ok(record, 'the demo has a published penalty on a company');
  const doc = record.fields.CF_WSH;
  const code = record.fields.CF_XDR_SHXYM;
  const corrected = `${record.fields.CF_NR}（经异议更正）`;

  const phone = await site.page({ phone: true });
  let filed;
  await t.test('the subject finds the record by 文书号 and files an objection with a photo', async () => {
    await phone.goto(`${site.url}/gongshi`);
    await phone.locator('[data-test="public-row"]').first().waitFor();
    await fitsThePhone(phone, '/gongshi');
    await site.screenshot(phone, 'public-list-phone', { full: true });
    await phone.locator('input[data-test="public-search"]').fill(doc);
    await phone.locator('[data-test="search"]').click();
    const rows = phone.locator('[data-test="public-row"]');
    await phone.waitForFunction(
      (d) => {
        const r = document.querySelectorAll('[data-test="public-row"]');
        return r.length === 1 && r[0].textContent.includes(d);
      },
      doc,
    );
    await rows.first().click();
    await phone.waitForURL(new RegExp(`/gongshi/${record.region}/${record.id}$`));
    await phone.locator('[data-test="field-CF_NR"]').getByText(record.fields.CF_NR).waitFor();
    assert.match(await phone.locator('[data-test="period"]').innerText(), /\d{4}-\d{2}-\d{2}/);
    await fitsThePhone(phone, 'the record page');
    await site.screenshot(phone, 'public-record-phone', { full: true });

    await phone.locator('[data-test="file-objection"]').click();
    await phone.waitForURL(/\/objection$/);
    await phone.locator('[data-test="subject-code"]').waitFor();
    // A wrong code is refused beside its field; nothing typed is lost.
    await phone.locator('input[data-test="subject-code"]').fill('91410500MA0000000X');
    await phone.locator('input[data-test="contact-name"]').fill('张三');
    await phone.locator('input[data-test="contact-phone"]').fill('13800138000');
    await phone.locator('[data-test="objection-type"]').click();
    await phone.locator('.el-select-dropdown__item:visible').first().click();
    await phone.locator('textarea[data-test="description"]').fill('处罚内容中的金额有误，应以决定书原件为准。');
    const file = path.join(site.dir, '决定书照片.png');
    await photo(phone, file);
    await phone.locator('[data-test="attachment-input"]').setInputFiles(file);
    await phone.locator('[data-test="attachment"].done').waitFor();
    await phone.locator('[data-test="submit"]').click();
    await phone.locator('[data-test="form-error"]').waitFor();
    assert.equal(await phone.locator('input[data-test="contact-name"]').inputValue(), '张三');
    await phone.locator('input[data-test="subject-code"]').fill(code);
    await phone.locator('[data-test="submit"]').click();
    await phone.locator('[data-test="filed"]').waitFor();
    filed = {
      number: (await phone.locator('[data-test="filed-number"]').innerText()).trim(),
      code: (await phone.locator('[data-test="filed-code"]').innerText()).trim(),
    };
    assert.match(filed.number, /^YY/);
    assert.ok(filed.code.length >= 6);
    await fitsThePhone(phone, 'the objection form');
    await site.screenshot(phone, 'public-objection-filed-phone', { full: true });
    // The record's page says an objection is being handled.
    await phone.goto(`${site.url}/gongshi/${record.region}/${record.id}`);
    await phone.locator('[data-test="status"]', { hasText: '异议处理中' }).waitFor();
  });

  await t.test('the handler sees the photo inline, accepts, and corrects the record with the diff shown', async () => {
    const handler = await site.page();
    await signIn(site, handler, 'yiyi');
    await handler.waitForURL(/\/objections$/);
    const row = handler.locator('[data-test="objection-queue"] .el-table__row', { hasText: filed.number });
    await row.waitFor();
    assert.match(await row.innerText(), /剩 3 个工作日/);
    await row.click();
    const detail = handler.locator('[data-test="objection-detail"]');
    await detail.getByText('处罚内容中的金额有误').waitFor();
    const image = detail.locator('[data-test="attachment-image"]');
    await image.waitFor();
    await handler.waitForFunction((img) => img.complete && img.naturalWidth === 120, await image.elementHandle());
    await site.screenshot(handler, 'objection-detail', { full: true });
    await detail.locator('[data-test="objection-accept"]').click();
    await detail.locator('[data-test="objection-confirm"]').click();
    await detail.locator('[data-test="objection-step-correct"]').waitFor();
    await detail.locator('[data-test="objection-step-correct"]').click();
    await handler.waitForURL(/\/edit\?event=correct$/);
    await handler.locator('[data-test="correct"]').waitFor();
    await handler.locator('[data-field="CF_NR"]').locator('input, textarea').first().fill(corrected);
    await handler.locator('textarea[data-test="reason"]').fill('核对决定书原件，处罚内容录入有误');
    await handler.locator('[data-test="correct"]').click();
    const diff = handler.locator('[data-test="correction-diff"]');
    await diff.getByText(corrected).waitFor();
    assert.match(await diff.innerText(), /处罚内容/);
    await site.screenshot(handler, 'correction-diff');
    await handler.locator('[data-test="confirm-correct"]').click();
    await handler.locator('[data-test="state"]', { hasText: '已更正并重新公示' }).waitFor();
    await handler.context().close();
  });

  await t.test('the public page shows the corrected value, and the query shows 已更正', async () => {
    await phone.goto(`${site.url}/gongshi/${record.region}/${record.id}`);
    await phone.locator('[data-test="field-CF_NR"]').getByText(corrected).waitFor();
    await phone.locator('[data-test="corrected"]').waitFor();
    assert.doesNotMatch(await phone.locator('[data-test="status"]').innerText(), /异议处理中/);

    await phone.goto(`${site.url}/gongshi/query`);
    await phone.locator('input[data-test="query-number"]').fill(filed.number);
    await phone.locator('input[data-test="query-code"]').fill(filed.code);
    await phone.locator('[data-test="query-submit"]').click();
    await phone.locator('[data-test="query-state"]').waitFor();
    assert.match(await phone.locator('[data-test="query-state"]').innerText(), /已更正/);
    await phone.locator('[data-test="query-corrected"]').waitFor();
    const steps = await phone.locator('[data-test="query-step"]').allInnerTexts();
    assert.ok(steps.length >= 3, steps.join(' / '));
    for (const s of steps) assert.match(s, /\d{4}-\d{2}-\d{2}/);
    await fitsThePhone(phone, 'the query page');
    await site.screenshot(phone, 'public-query-phone', { full: true });
    // A wrong code tells nothing about the objection.
    await phone.locator('input[data-test="query-code"]').fill('000000');
    await phone.locator('[data-test="query-submit"]').click();
    await phone.locator('[data-test="query-error"]').waitFor();
  });
  await phone.context().close();
});

test('the public search masks natural persons as the API does; the catalog and the feed', async () => {
  // A penalty on a natural person, entered, approved and published by the market regulator.
  const filler = await site.api('tianbao');
  const reviewer = await site.api('shenhe');
  const template = (await publicJson('/public/records?kind=penalty&limit=1')).items[0].fields;
  const doc = '殷市监罚〔2024〕个人-1号';
  let r = await filler('POST', '/api/v1/records', {
    kind: 'penalty',
    fields: {
      ...template, CF_WSH: doc, CF_XDR_LB: '自然人', CF_XDR_MC: '张某某', CF_XDR_SHXYM: undefined, CF_FRDB: undefined,
      CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: '410505198506121232', CF_JDRQ: '2024-11-18', CF_YXQ: '2025-11-18',
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  for (const [api, event] of [[filler, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']]) {
    r = await api('POST', `/api/v1/records/${r.body.region}/${r.body.id}/transitions/${event}`, { version: r.body.version });
    assert.equal(r.status, 200, `${event}: ${JSON.stringify(r.body)}`);
  }
  const person = await publicJson(`/public/records/${r.body.region}/${r.body.id}`);
  const name = person.fields.CF_XDR_MC;
  assert.notEqual(name, '张某某');
  assert.doesNotMatch(JSON.stringify(person), /410505198506121232/);

  const phone = await site.page({ phone: true });
  // Found by its 文书号, never by the person's name or ID number; shown masked as the API masks it.
  await phone.goto(`${site.url}/gongshi?q=${encodeURIComponent('张某某')}`);
  await phone.locator('[data-test="public-list"]').getByText(/没有|暂无|未找到/).first().waitFor();
  await phone.goto(`${site.url}/gongshi`);
  await phone.locator('input[data-test="public-search"]').fill(doc);
  await phone.locator('[data-test="search"]').click();
  await phone.locator('[data-test="public-row"]', { hasText: doc }).click();
  const subject = await phone.locator('[data-test="subject"]').innerText();
  assert.ok(subject.includes(name), `the page shows the API's masked name ${name}: ${subject}`);
  assert.doesNotMatch(await phone.locator('body').innerText(), /张某某|410505198506121232/);

  // A department's own list, as its website links it, with its Atom feed.
  const { items: departments } = await publicJson('/public/departments');
  const department = departments.find((d) => d.id === person.department_id);
  assert.ok(department, 'the public department list has the department of a published record');
  await phone.goto(`${site.url}/gongshi?department=${department.id}`);
  await phone.locator('[data-test="public-row"]').first().waitFor();
  const shown = await phone.locator('[data-test="public-row"]').count();
  const api = await publicJson(`/public/records?department_id=${department.id}&limit=20`);
  assert.equal(shown, api.items.length);
  const feed = await phone.locator('[data-test="feed"]').getAttribute('href');
  assert.match(feed, new RegExp(`department_id=${department.id}`));
  const atom = await (await fetch(new URL(feed, site.url))).text();
  assert.match(atom, /^<\?xml[\s\S]*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"[ >]/);
  const all = await publicJson(`/public/records?department_id=${department.id}&limit=50`);
  assert.equal((atom.match(/<entry>/g) || []).length, all.items.length);
  assert.ok(atom.includes(all.items[0].fields.CF_WSH || all.items[0].fields.XK_WSH));

  // Just decided: no 申请信用修复 yet, and the page says why.
  await phone.goto(`${site.url}/gongshi/${person.region}/${person.id}`);
  await phone.locator('[data-test="repair-closed"]').waitFor();
  assert.equal(await phone.locator('[data-test="file-repair"]').count(), 0);
  // A penalty past its minimum publication period offers it: the form asks for the 信用承诺书.
  let eligible = null;
  for (const r of (await publicJson('/public/records?kind=penalty&limit=100')).items) {
    const one = await publicJson(`/public/records/${r.region}/${r.id}`);
    if (one.may_file.includes('repair')) {
      eligible = one;
      break;
    }
  }
  assert.ok(eligible, 'the demo has a penalty open to credit repair');
  await phone.goto(`${site.url}/gongshi/${eligible.region}/${eligible.id}`);
  await phone.locator('[data-test="file-repair"]').click();
  await phone.waitForURL(/\/repair$/);
  await phone.getByText('信用承诺书').first().waitFor();
  await fitsThePhone(phone, 'the repair form');
  await site.screenshot(phone, 'public-repair-phone', { full: true });

  await phone.goto(`${site.url}/gongshi/catalog`);
  await phone.locator('[data-test="catalog-row"]').first().waitFor();
  const catalog = await publicJson('/public/catalog');
  const first = catalog.items[0];
  assert.match(await phone.locator('[data-test="catalog"]').innerText(), new RegExp(first.name.replace(/[()（）[\]]/g, '.')));
  await fitsThePhone(phone, 'the catalog');
  await site.screenshot(phone, 'public-catalog-phone', { full: true });
  await phone.context().close();

  // The desktop views of the public pages.
  const desk = await site.page();
  await desk.goto(`${site.url}/gongshi`);
  await desk.locator('[data-test="public-row"]').first().waitFor();
  await site.screenshot(desk, 'public-list');
  await desk.goto(`${site.url}/gongshi/catalog`);
  await desk.locator('[data-test="catalog-row"]').first().waitFor();
  await site.screenshot(desk, 'public-catalog');
  await desk.goto(`${site.url}/gongshi/${eligible.region}/${eligible.id}`);
  await desk.locator('[data-test="subject"]').waitFor();
  await site.screenshot(desk, 'public-record', { full: true });
  await desk.goto(`${site.url}/gongshi/query`);
  await desk.locator('input[data-test="query-number"]').waitFor();
  await site.screenshot(desk, 'public-query');
  // Embedded in the department's own website: no header, and a record opens the full site.
  await desk.goto(`${site.url}/gongshi?department=${department.id}&embed=1`);
  await desk.locator('[data-test="public-row"]').first().waitFor();
  assert.equal(await desk.locator('.pub-header').count(), 0);
  assert.equal(await desk.locator('[data-test="public-row"]').first().getAttribute('target'), '_blank');
  await desk.locator('input[data-test="public-search"]').fill('殷');
  await desk.locator('[data-test="search"]').click();
  await desk.waitForURL(/embed=1/);
  await site.screenshot(desk, 'public-embedded');
  await desk.context().close();
});
