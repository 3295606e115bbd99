// Debian's Chromium driven by playwright-core (no bundled browser download).
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { context, page };
}

/** The Custom UI's iframe inside the host page, once its app has rendered something. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#app-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The app iframe has no frame');
  await frame.waitForSelector('main', { timeout: 20000 });
  return frame;
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

/** Saves a full-window screenshot as test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-_]+/gi, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Picks an option of an Atlaskit select by its input's label. */
export async function choose(app: Frame, label: string, option: string): Promise<void> {
  await app.getByLabel(label, { exact: true }).click();
  await app.getByRole('option', { name: option }).first().click();
}
