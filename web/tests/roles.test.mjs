// Every page as every role, in real Chromium on the demo data: no page is reachable by a role
// that the API would refuse. For each demo user and each signed-in page the test asks the API
// itself, as that user, what the page is for (a probe: read the board, create a record, approve
// one, …) and then opens the page:
//  - a page that opens gets no error from the server while it loads (no 4xx or 5xx), and its
//    probe is allowed (done, or refused only for the probe's own missing version or file);
//  - for the pages whose probe is exactly what the page does, the converse too: a role the API
//    allows is not sent away;
//  - the menu lists exactly the pages that open.
// A visitor without an account reaches the public pages and is sent to the sign-in page from
// every other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, signIn } from './support/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const users = ['tianbao', 'shenhe', 'guanli', 'yiyi', 'xinyongban', 'anyang', 'admin'];
let site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

// The records the probes act on: a draft and a submitted record of the market regulator.
async function fixtures() {
  const office = await site.api('xinyongban');
  const { body: deps } = await office('GET', '/api/v1/departments');
  const market = deps.items.find((d) => d.name === '殷都区市场监督管理局').id;
  const first = async (state) =>
    (await office('GET', `/api/v1/records?state=${state}&department_id=${market}&limit=1`)).body.items[0];
  return { draft: await first('draft'), submitted: await first('submitted') };
}

// page → { probe(api, me): status, exact }: `exact` when the probe is what the page does, so the
// page must open for every role the probe allows.
function pagesOf({ draft, submitted }) {
  const sample = JSON.parse(readFileSync(path.resolve(here, '../../schemas/samples/penalty.json'), 'utf8'));
  let n = 0;
  const status = async (api, method, p, body) => (await api(method, p, body)).status;
  const rec = (r) => `/api/v1/records/${r.region}/${r.id}`;
  return {
    '/board': { exact: true, probe: (api) => status(api, 'GET', '/api/v1/reports/board') },
    '/reports/monthly': { exact: true, probe: (api) => status(api, 'GET', '/api/v1/reports/monthly?month=2024-10') },
    '/reports/catalog': { exact: true, probe: (api) => status(api, 'GET', '/api/v1/reports/catalog?month=2024-10') },
    '/reports/departments': {
      exact: true,
      probe: (api) => status(api, 'GET', '/api/v1/reports/departments?from=2024-10-01&to=2024-10-31'),
    },
    '/records': { exact: false, probe: (api) => status(api, 'GET', '/api/v1/records') },
    '/records/new': {
      exact: true,
      probe: (api) =>
        status(api, 'POST', '/api/v1/records', {
          kind: 'penalty',
          fields: { ...sample, CF_WSH: `殷市监罚〔2024〕角色-${++n}号` },
        }),
    },
    '/imports': {
      exact: true,
      probe: (api) => status(api, 'POST', '/api/v1/imports?kind=penalty&filename=empty.csv', ''),
    },
    // The review queue approves: taken without a version, an allowed role hears "version needed".
    '/review': { exact: true, probe: (api) => status(api, 'POST', `${rec(submitted)}/transitions/approve`, {}) },
    '/objections': { exact: false, probe: (api) => status(api, 'GET', '/api/v1/objections') },
    '/repairs': { exact: false, probe: (api) => status(api, 'GET', '/api/v1/repairs') },
    '/rules': { exact: true, probe: (api, me) => status(api, 'GET', `/api/v1/rules/${me.region}/versions`) },
    '/calendar': { exact: false, probe: (api) => status(api, 'GET', '/api/v1/calendar') },
    '/departments': { exact: true, probe: (api) => status(api, 'GET', '/api/v1/users') },
    [`/records/${draft.region}/${draft.id}`]: { exact: false, probe: (api) => status(api, 'GET', rec(draft)) },
    // Editing a draft: without a version, an editor hears "version needed", anyone else 403.
    [`/records/${draft.region}/${draft.id}/edit`]: {
      exact: true,
      probe: (api) => status(api, 'PATCH', rec(draft), { fields: { CF_NR: '角色测试' } }),
    },
  };
}

// Opens `p` and waits until the router has decided; the path it ended on and the API requests
// the server refused meanwhile.
async function visit(page, p) {
  const refused = [];
  const watch = (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) {
      refused.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    }
  };
  page.on('response', watch);
  await page.goto(site.url + p);
  // The router's decision, the page's requests, and a decision a page takes on what they answer
  // (the edit form sends a user who may not edit to the record's page): until the address holds.
  for (let seen = ''; seen !== page.url(); ) {
    seen = page.url();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  }
  page.off('response', watch);
  return { at: new URL(page.url()).pathname, refused };
}

test('every signed-in page as every role: opened only where the API allows what it does', async () => {
  const pages = pagesOf(await fixtures());
  const problems = [];
  const table = [];
  // Three users at a time, each in a browser context of its own.
  const walk = async (login) => {
    const api = await site.api(login);
    const me = (await api('GET', '/api/v1/auth/me')).body;
    const page = await site.page();
    await signIn(site, page, login);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.locator('.el-menu-item').first().waitFor();
    const menu = (await page.locator('.el-menu-item').evaluateAll((items) => items.map((e) => e.dataset.path))).sort();
    const opened = [];
    const row = [login];
    for (const [p, { probe, exact }] of Object.entries(pages)) {
      // Allowed: done (2xx), or refused only for the probe's own missing piece (400: no version,
      // an empty upload). Anything else — 403, 404 (not theirs to see), 5xx — is not allowed.
      const answer = await probe(api, me);
      const allowed = answer < 300 || answer === 400;
      const { at, refused } = await visit(page, p);
      const open = at === p;
      row.push(`${p}:${open ? 'open' : 'away'}/${allowed ? 'api-ok' : 'api-403'}`);
      if (open) opened.push(p);
      if (open && !allowed) problems.push(`${login} opens ${p}, but the API refuses what it does`);
      if (open && refused.length) problems.push(`${login} on ${p}: the server refused ${refused.join(', ')}`);
      if (!open && allowed && exact) problems.push(`${login} is sent from ${p} to ${at}, but the API allows what it does`);
    }
    // The menu offers exactly the navigation pages that open.
    const navigation = Object.keys(pages).filter((p) => !/^\/records\/\d/.test(p));
    const expected = opened.filter((p) => navigation.includes(p)).sort();
    if (JSON.stringify(menu) !== JSON.stringify(expected)) {
      problems.push(`${login}'s menu offers ${menu.join(' ')}; the pages that open are ${expected.join(' ')}`);
    }
    table.push(row.join(' '));
    await page.context().close();
  };
  for (let i = 0; i < users.length; i += 3) await Promise.all(users.slice(i, i + 3).map(walk));
  assert.deepEqual(problems, [], table.join('\n'));
});

test('a visitor without an account reaches the public pages only', async () => {
  const page = await site.page({ phone: true });
  for (const p of ['/gongshi', '/gongshi/catalog', '/gongshi/query']) {
    const { at, refused } = await visit(page, p);
    assert.equal(at, p);
    assert.deepEqual(refused, []);
  }
  for (const p of ['/board', '/records', '/records/new', '/objections', '/repairs', '/rules', '/calendar', '/departments']) {
    const { at } = await visit(page, p);
    assert.equal(at, '/login', `${p} sends a visitor to the sign-in page`);
  }
  await page.context().close();
});
