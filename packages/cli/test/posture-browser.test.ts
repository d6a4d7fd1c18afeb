import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { requireOrSkip } from '@release-guard/testkit';
import { drifted, writeJson } from './posture-fixture';
import { runCliProcess } from './spawn-cli';

/** Debian's chromium package; .ci/run installs it when missing. */
const CHROMIUM = process.env.RG_CHROMIUM ?? '/usr/bin/chromium';
const XSS_TAG = 'v1<svg/onload=alert(1)>';
const XSS_REASON = "reason \"&<b>bold</b> 'quoted'";

const suite = requireOrSkip(
  fs.existsSync(CHROMIUM),
  `Chromium is not installed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`,
);

suite.describe('posture.html in headless Chromium (built CLI)', () => {
  let browser: Browser;
  let folder: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(() => browser.close());
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-posture-browser-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** posture.html of a frozen posture whose newest release failed a control and drifted. */
  async function render(options: { tag?: string; detail?: string } = {}): Promise<string> {
    writeJson(path.join(folder, 'manifest.json'), drifted(options));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: folder, USER: 'oncall' };
    const on = await runCliProcess(
      [
        'freeze',
        'on',
        '--file',
        'freeze.json',
        '--reason',
        options.detail ?? 'incident 42',
        '--incident',
        'https://status.example/42',
      ],
      folder,
      env,
    );
    expect(on.code).toBe(0);
    const result = await runCliProcess(
      ['posture', '--manifest', 'manifest.json', '--freeze-file', 'freeze.json', '--out-dir', 'out'],
      folder,
      env,
    );
    expect(result.code).toBe(1);
    return path.join(folder, 'out', 'posture.html');
  }

  /** Opens the page with every request recorded and every one but the page itself refused. */
  async function open(file: string, viewport = { width: 1200, height: 900 }) {
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url() === url ? route.continue() : route.abort();
    });
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors, dialogs, close: () => context.close() };
  }

  const rows = (page: Page) => page.locator('tr.release');

  it('shows the banner and every release row, with no console error and no request leaving the page', async () => {
    const opened = await open(await render());
    try {
      const { page } = opened;
      await expect(page.locator('#freeze').isVisible()).resolves.toBe(true);
      await expect(page.locator('#freeze').innerText()).resolves.toContain('Release freeze ON: incident 42');
      await expect(rows(page).count()).resolves.toBe(2);
      for (const index of [0, 1]) await expect(rows(page).nth(index).isVisible()).resolves.toBe(true);
      await expect(rows(page).nth(0).locator('td').first().innerText()).resolves.toBe('v1.1.0');
      await expect(rows(page).nth(0).locator('td[data-control="provenance"]').innerText()).resolves.toContain(
        'fail digest_mismatch',
      );
      await expect(page.locator('#drift').innerText()).resolves.toContain('builder_id');
      await expect(page.locator('#verdict').innerText()).resolves.toBe(
        'posture: frozen; v1.1.0 provenance digest_mismatch',
      );
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      await expect(page.locator('script').count()).resolves.toBe(0);
      const screenshot = path.join(folder, 'posture.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(fs.statSync(screenshot).size).toBeGreaterThan(1000);
      // RG_POSTURE_SCREENSHOT=docs/posture.png refreshes the README's screenshot from this page.
      if (process.env.RG_POSTURE_SCREENSHOT)
        fs.copyFileSync(screenshot, path.resolve(process.env.RG_POSTURE_SCREENSHOT));
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([opened.url]);
    } finally {
      await opened.close();
    }
  });

  it('a hostile tag and reason show as written and nothing executes', async () => {
    const opened = await open(await render({ tag: XSS_TAG, detail: XSS_REASON }));
    try {
      const { page } = opened;
      await expect(rows(page).nth(0).locator('td').first().innerText()).resolves.toBe(XSS_TAG);
      await expect(rows(page).nth(0).locator('td[data-control="provenance"]').innerText()).resolves.toContain(
        XSS_REASON,
      );
      await expect(page.locator('#freeze').innerText()).resolves.toContain(XSS_REASON);
      // The only svg is the trend chart; no planted element exists.
      await expect(page.locator('svg').count()).resolves.toBe(1);
      await expect(page.locator('svg[onload], b').count()).resolves.toBe(0);
      expect(opened.dialogs).toEqual([]);
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([opened.url]);
    } finally {
      await opened.close();
    }
  });

  it('reads on a narrow (mobile) viewport: rows visible, the page does not scroll sideways', async () => {
    const opened = await open(await render(), { width: 360, height: 740 });
    try {
      const { page } = opened;
      await expect(page.locator('#freeze').isVisible()).resolves.toBe(true);
      for (const index of [0, 1]) await expect(rows(page).nth(index).isVisible()).resolves.toBe(true);
      const overflow = (await page.evaluate(
        'document.body.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(folder, 'posture-mobile.png') });
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
