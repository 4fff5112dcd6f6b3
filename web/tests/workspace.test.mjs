// The department's workspace in real Chromium against the real `gongshi serve` on the demo data:
// sign in, 填报 with a wrong code (message beside the field, nothing stored), fix, save, submit;
// the reviewer's queue, 退回 with a reason; the filler edits and resubmits; bulk 审核通过 and 公示;
// the public API has it; an XLSX import with one bad row. Each step checks what the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startSite, signIn, signOut } from './support/site.mjs';
import { xlsx } from './support/xlsx.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const DOC = '殷市监罚〔2024〕网页-1号';
const GOOD_USCC = '91410505MA9K3W8L7R'; // a valid code of the demo data
const BAD_USCC = '91410505MA9K3W8L7A'; // the same with a wrong check character
const penalty = {
  CF_XDR_MC: '安阳市殷都区网页测试商贸有限公司',
  CF_XDR_SHXYM: BAD_USCC,
  CF_FRDB: '李某',
  CF_WSH: DOC,
  CF_WFXW: '销售过期食品',
  CF_SY: '经查，当事人于2024年10月销售超过保质期的饮料。',
  CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
  CF_NR: '罚款5000元',
  CF_NR_FK: '0.5',
  CF_JDRQ: '2024-11-18',
  CF_YXQ: '2025-11-18',
  CF_CFJG: '安阳市殷都区市场监督管理局',
  CF_CFJGDM: '11230500001755309F',
  CF_SJLY: '安阳市殷都区市场监督管理局',
  CF_SJLYDM: '11230500001755309F',
};

async function choose(page, code, label) {
  await page.locator(`[data-field="${code}"] .el-select__wrapper`).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function fill(page, code, value) {
  const input = page.locator(`[data-field="${code}"]`).locator('input, textarea').first();
  await input.fill(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) await input.press('Enter');
}

const fieldError = (page, code) => page.locator(`[data-field="${code}"] .el-form-item__error`);
const queueRow = (page, doc) => page.locator('[data-test="queue"] .el-table__row', { hasText: doc });

let record; // {region, id} of the record made through the form

test('a wrong password is refused without saying which part was wrong', async () => {
  const page = await site.page();
  await signIn(site, page, 'tianbao', 'wrong-password');
  const message = page.locator('[data-test="login-error"]');
  await message.waitFor();
  const wrongPassword = await message.innerText();
  assert.match(wrongPassword, /或密码错误/);
  assert.match(page.url(), /\/login$/);
  await site.screenshot(page, 'login');
  // An unknown login reads the same.
  await signIn(site, page, 'nobody-here', 'wrong-password');
  await message.waitFor();
  assert.equal(await message.innerText(), wrongPassword);
  await page.context().close();
});

test('the department workspace: form, review, return, resubmit, bulk approve and publish', async (t) => {
  const filler = await site.page();
  const api = await site.api('tianbao');

  await t.test('the filler signs in and sees the records with their states and deadlines', async () => {
    await signIn(site, filler, 'tianbao');
    await filler.waitForURL(/\/records$/);
    await filler.locator('[data-test="records"] .el-table__row').first().waitFor();
    assert.match(await filler.locator('[data-test="who"]').innerText(), /市场监管局填报员/);
    // Navigation offers what a 填报员 uses, not the review queue.
    const menu = await filler.locator('.el-menu').innerText();
    assert.match(menu, /填报/);
    assert.match(menu, /批量导入/);
    assert.doesNotMatch(menu, /审核/);
    const listed = await api('GET', '/api/v1/records?limit=20');
    const first = listed.body.items[0];
    const row = filler.locator('[data-test="records"] .el-table__row').first();
    assert.match(await row.innerText(), new RegExp(first.state_label));
    await site.screenshot(filler, 'records');
  });

  await t.test('overdue filter shows only late records, in red', async () => {
    await filler.locator('[data-test="filter-overdue"]').click();
    await filler.locator('[data-test="search"]').click();
    const late = await api('GET', '/api/v1/records?overdue=true&limit=20');
    if (late.body.items.length === 0) return;
    await filler.locator('[data-test="days-late"]').first().waitFor();
    const rows = filler.locator('[data-test="records"] .el-table__row');
    assert.equal(await rows.count(), late.body.items.length);
    assert.equal(await filler.locator('[data-test="days-late"]').count(), late.body.items.length);
  });

  await t.test('a wrong 统一社会信用代码: the API message beside the input, nothing stored', async () => {
    const beforeCount = (await api('GET', '/api/v1/records?state=draft&limit=500')).body.items.length;
    await filler.getByRole('menuitem', { name: '填报' }).click();
    await filler.waitForURL(/\/records\/new$/);
    // Labelled with the standard's names.
    for (const name of ['行政相对人名称', '统一社会信用代码', '行政处罚决定书文号', '处罚决定日期']) {
      await filler.getByText(name, { exact: true }).first().waitFor();
    }
    // 罚款金额 shows once 处罚类别 includes 罚款; 证件号码 only for a natural person.
    assert.equal(await filler.locator('[data-field="CF_NR_FK"]').count(), 0);
    await choose(filler, 'CF_XDR_LB', '法人及非法人组织');
    assert.equal(await filler.locator('[data-field="CF_XDR_ZJHM"]').count(), 0);
    await choose(filler, 'CF_CFLB', '罚款');
    await filler.locator('[data-field="CF_NR_FK"]').waitFor();
    for (const [code, value] of Object.entries(penalty)) await fill(filler, code, value);
    await site.screenshot(filler, 'record-form');
    await filler.locator('[data-test="save"]').click();
    await fieldError(filler, 'CF_XDR_SHXYM').waitFor();

    const direct = await api('POST', '/api/v1/records', {
      kind: 'penalty',
      fields: { ...penalty, CF_XDR_LB: '法人及非法人组织', CF_CFLB: '罚款' },
    });
    assert.equal(direct.status, 400);
    const expected = direct.body.fields.filter((f) => f.field === 'CF_XDR_SHXYM').map((f) => f.message_zh).join('；');
    assert.equal(await fieldError(filler, 'CF_XDR_SHXYM').innerText(), expected);
    await site.screenshot(filler, 'record-form-refused');
    // What the user typed is still there, and nothing was stored.
    assert.equal(await filler.locator('#CF_XDR_SHXYM').inputValue(), BAD_USCC);
    assert.equal(await filler.locator('#CF_XDR_MC').inputValue(), penalty.CF_XDR_MC);
    const afterCount = (await api('GET', '/api/v1/records?state=draft&limit=500')).body.items.length;
    assert.equal(afterCount, beforeCount);
  });

  await t.test('fixed: saved as a draft, then submitted', async () => {
    await fill(filler, 'CF_XDR_SHXYM', GOOD_USCC);
    await filler.locator('[data-test="save"]').click();
    await filler.waitForURL(/\/records\/\d{6}\/\d+\/edit$/);
    const [, region, id] = filler.url().match(/\/records\/(\d{6})\/(\d+)\/edit$/);
    record = { region, id: Number(id) };
    const stored = await api('GET', `/api/v1/records/${region}/${id}`);
    assert.equal(stored.body.state, 'draft');
    assert.equal(stored.body.fields.CF_XDR_SHXYM, GOOD_USCC);
    assert.equal(stored.body.fields.CF_WSH, DOC);
    await filler.locator('[data-test="submit"]').click();
    await filler.waitForURL(new RegExp(`/records/${region}/${id}$`));
    await filler.locator('[data-test="state"]', { hasText: '待审核' }).waitFor();
    assert.equal((await api('GET', `/api/v1/records/${region}/${id}`)).body.state, 'submitted');
  });

  await signOut(filler);
  const reviewer = await site.page();

  await t.test('the reviewer finds it in the queue and returns it with a reason', async () => {
    await signIn(site, reviewer, 'shenhe');
    await reviewer.waitForURL(/\/records$/);
    await reviewer.getByRole('menuitem', { name: '审核' }).click();
    await queueRow(reviewer, DOC).waitFor();
    // Oldest deadline first.
    const queue = await site.api('shenhe').then((a) => a('GET', '/api/v1/records?state=submitted&order=deadline'));
    const firstDoc = queue.body.items[0].document_no;
    assert.match(await reviewer.locator('[data-test="queue"] .el-table__row').first().innerText(), new RegExp(firstDoc.replace(/[〔〕]/g, '.')));
    await site.screenshot(reviewer, 'review');
    await queueRow(reviewer, DOC).locator('.el-checkbox').click();
    await reviewer.locator('[data-bulk="reject"]').click();
    await reviewer.locator('textarea[data-test="reason"]').fill('罚款金额与处罚内容不一致，请核对');
    await reviewer.locator('[data-test="confirm"]').click();
    await queueRow(reviewer, DOC).locator('[data-test="result"]', { hasText: '已退回' }).waitFor();
  });

  await t.test('the filler sees it returned, edits a field and resubmits', async () => {
    await signIn(site, filler, 'tianbao');
    await filler.waitForURL(/\/records$/);
    const row = filler.locator('[data-test="records"] .el-table__row', { hasText: DOC });
    await row.waitFor();
    assert.match(await row.innerText(), /已退回/);
    await row.getByRole('link', { name: DOC }).click();
    await filler.locator('[data-test="state"]', { hasText: '已退回' }).waitFor();
    assert.match(await filler.locator('[data-test="history"]').innerText(), /罚款金额与处罚内容不一致/);
    await filler.locator('[data-test="edit"]').click();
    await filler.waitForURL(/\/edit$/);
    await filler.locator('#CF_NR').waitFor();
    await fill(filler, 'CF_NR', '罚款5000元（已核对）');
    await filler.locator('[data-test="submit"]').click();
    await filler.locator('[data-test="state"]', { hasText: '待审核' }).waitFor();
    const history = await filler.locator('[data-test="history"]').innerText();
    assert.match(history, /处罚内容/);
    assert.match(history, /罚款5000元（已核对）/);
    await site.screenshot(filler, 'record');
  });

  await t.test('the reviewer approves in bulk, then publishes in bulk', async () => {
    await reviewer.reload();
    await queueRow(reviewer, DOC).waitFor();
    const rows = reviewer.locator('[data-test="queue"] .el-table__row');
    const picked = Math.min(await rows.count(), 3);
    // Ours and the (up to) two other oldest: each row answers for itself.
    await queueRow(reviewer, DOC).locator('.el-checkbox').click();
    for (let i = 0; i < picked; i++) {
      const r = rows.nth(i);
      if (!(await r.innerText()).includes(DOC)) await r.locator('.el-checkbox').click();
    }
    await reviewer.locator('[data-bulk="approve"]').click();
    await queueRow(reviewer, DOC).locator('[data-test="result"]', { hasText: '待公示' }).waitFor();
    assert.ok((await reviewer.locator('[data-test="result"]').count()) >= 1);
    await reviewer.getByRole('tab', { name: '待公示' }).click();
    await queueRow(reviewer, DOC).waitFor();
    await queueRow(reviewer, DOC).locator('.el-checkbox').click();
    await reviewer.locator('[data-bulk="publish"]').click();
    await queueRow(reviewer, DOC).locator('[data-test="result"]', { hasText: '已公示' }).waitFor();
  });

  await t.test('the record is on the public API', async () => {
    const res = await fetch(`${site.url}/public/records/${record.region}/${record.id}`);
    assert.equal(res.status, 200);
    const pub = await res.json();
    assert.equal(pub.fields.CF_WSH, DOC);
    assert.equal(pub.fields.CF_NR, '罚款5000元（已核对）');
  });

  await reviewer.context().close();

  await t.test('the department admin corrects the published record through its form', async () => {
    const admin = await site.page();
    await signIn(site, admin, 'guanli');
    await admin.waitForURL(/\/records$/);
    await admin.goto(`${site.url}/records/${record.region}/${record.id}`);
    await admin.locator('[data-event="amend"]').click();
    await admin.waitForURL(/\/edit\?event=amend$/);
    await admin.locator('[data-test="correct"]').waitFor();
    await fill(admin, 'CF_NR', '罚款5000元（部门更正）');
    await admin.locator('textarea[data-test="reason"]').fill('处罚内容录入有误');
    await admin.locator('[data-test="correct"]').click();
    // The change is shown before it is confirmed.
    const diff = admin.locator('[data-test="correction-diff"]');
    await diff.getByText('罚款5000元（部门更正）').waitFor();
    assert.match(await diff.innerText(), /处罚内容[\s\S]*罚款5000元[\s\S]*罚款5000元（部门更正）/);
    await admin.locator('[data-test="confirm-correct"]').click();
    await admin.locator('[data-test="state"]', { hasText: '已更正并重新公示' }).waitFor();
    const pub = await (await fetch(`${site.url}/public/records/${record.region}/${record.id}`)).json();
    assert.equal(pub.fields.CF_NR, '罚款5000元（部门更正）');
    assert.equal(pub.corrected, true);
    await admin.context().close();
  });

  await t.test('an XLSX import with one bad row: progress, summary, the refused-row file', async () => {
    const schema = await (await fetch(`${site.url}/api/v1/schemas/penalty`)).json();
    const codes = Object.keys(schema.properties);
    const row = (n, uscc) =>
      codes.map((c) => {
        const v = { ...penalty, CF_XDR_LB: '法人及非法人组织', CF_CFLB: '罚款', CF_XDR_SHXYM: uscc, CF_WSH: `殷市监罚〔2024〕导入-${n}号` }[c];
        return v === undefined ? '' : v;
      });
    const file = path.join(site.dir, '导入测试.xlsx');
    writeFileSync(file, xlsx([codes.map((c) => schema.properties[c].title), row(1, GOOD_USCC), row(2, BAD_USCC), row(3, GOOD_USCC)]));
    await filler.getByRole('menuitem', { name: '批量导入' }).click();
    await filler.waitForURL(/\/imports$/);
    // The template is the standard's headers.
    const template = await filler.request.get(site.url + '/api/v1/templates/penalty.xlsx');
    assert.equal(template.status(), 200);
    await filler.locator('[data-test="file"]').setInputFiles(file);
    await filler.locator('[data-test="start"]').click();
    await filler.locator('[data-test="progress"]').waitFor();
    await filler.locator('[data-test="job-status"]', { hasText: '已完成' }).waitFor();
    const summary = await filler.locator('[data-test="summary"]').innerText();
    assert.match(summary, /导入成功\s*2 行/);
    assert.match(summary, /未导入\s*1 行/);
    assert.equal(await filler.locator('[data-test="progress"]').getAttribute('aria-valuenow'), '100');
    assert.match(await filler.locator('[data-test="job"]').innerText(), /已处理 3 \/ 3 行/);
    const errors = await filler.locator('[data-test="errors"]').innerText();
    assert.match(errors, /统一社会信用代码/);
    await site.screenshot(filler, 'imports');
    const download = filler.waitForEvent('download');
    await filler.locator('[data-test="errors-xlsx"]').click();
    const saved = path.join(site.dir, 'refused.xlsx');
    await (await download).saveAs(saved);
    assert.equal(readFileSync(saved).subarray(0, 2).toString(), 'PK');
    // The two good rows are drafts now.
    const drafts = await api('GET', '/api/v1/records?state=draft&limit=500');
    const imported = drafts.body.items.filter((r) => r.document_no.startsWith('殷市监罚〔2024〕导入-'));
    assert.deepEqual(imported.map((r) => r.document_no).sort(), ['殷市监罚〔2024〕导入-1号', '殷市监罚〔2024〕导入-3号']);
  });

  await t.test('the filtered list exports to XLSX', async () => {
    await filler.getByRole('menuitem', { name: '我的记录' }).click();
    const href = await filler.locator('[data-test="export"]').getAttribute('href');
    const res = await filler.request.get(site.url + href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /spreadsheetml/);
  });

  await t.test('signing out ends the session on the server', async () => {
    const cookies = await filler.context().cookies();
    const session = cookies.find((c) => c.name === 'gongshi_session');
    assert.ok(session && session.httpOnly && session.sameSite === 'Strict');
    await signOut(filler);
    const res = await fetch(site.url + '/api/v1/auth/me', { headers: { Cookie: `gongshi_session=${session.value}` } });
    assert.equal(res.status, 401);
  });
  await filler.context().close();
});
