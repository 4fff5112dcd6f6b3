// The real thing for a browser test: the gongshi binary writes the demo data into a fresh SQLite
// database, `gongshi serve` (pages compiled in) answers on a free loopback port at a fixed --now,
// and Debian's Chromium is driven by playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const NOW = '2024-11-20T10:00+08:00';
export const PASSWORD = 'Gongshi-demo1';
const bin = process.env.GONGSHI_BIN || path.resolve(here, '../../../build/cli/gongshi');
// Where each page's screenshot goes when scripts/screenshots asks for them.
const shots = process.env.GONGSHI_SCREENSHOTS || '';

function serve(db, dir, now) {
  const server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--now', now, '--work-dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('gongshi serve did not start in 30 s')), 30000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/[0-9.:]+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ server, url: m[1] });
      }
    });
    server.on('exit', (code) => reject(new Error(`gongshi serve exited with ${code}`)));
  });
}

// The demo data is written as of NOW; the server may run at a later `now` (a test that needs the
// end of a year, say).
export async function startSite({ now = NOW } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongshi-web-'));
  const db = 'sqlite:' + path.join(dir, 'demo.db');
  execFileSync(bin, ['demo', '--db', db, '--now', NOW], { stdio: 'ignore' });
  const { server, url } = await serve(db, dir, now);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  if (shots) mkdirSync(shots, { recursive: true });
  return {
    url,
    dir,
    db,
    browser,
    // The gongshi command line on the site's database: its standard output.
    cli(...args) {
      return execFileSync(bin, [...args], { encoding: 'utf8' });
    },
    // A fresh browser context (its own cookies) at 1280×800, or a phone's 375×740.
    async page({ phone = false } = {}) {
      const viewport = phone ? { width: 375, height: 740 } : { width: 1280, height: 800 };
      const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true, isMobile: phone, hasTouch: phone });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      return page;
    },
    async screenshot(page, name, { full = false } = {}) {
      if (!shots) return;
      await page.waitForLoadState('networkidle');
      await page.locator('.el-message').waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
      await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: full });
    },
    // The JSON API as a user (a Bearer token), to check what the pages claim.
    async api(login) {
      const res = await fetch(url + '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login, password: PASSWORD }) });
      const { token } = await res.json();
      return async (method, p, body) => {
        const r = await fetch(url + p, {
          method,
          headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const type = r.headers.get('content-type') || '';
        return { status: r.status, body: type.includes('json') ? await r.json() : await r.arrayBuffer() };
      };
    },
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Signs in through the login page and waits for the first page of the role.
export async function signIn(site, page, login, password = PASSWORD) {
  await page.goto(site.url + '/login');
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function signOut(page) {
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(/\/login/);
}
