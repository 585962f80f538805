// Not part of the suite: screenshots of the parts of a dashboard that exists (WS=/admin/workshops/ID).
import { chromium } from '@playwright/test';
const out = process.env.OUT || '/tmp/sorting/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: process.env.URL, viewport: { width: Number(process.env.W || 1280), height: Number(process.env.H || 800) }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
const page = await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto('/login');
await page.getByLabel('E-postadress').fill('admin@example.se');
await page.getByLabel('Lösenord').fill('blå cykel på taket 7');
await page.getByRole('button', { name: 'Logga in' }).click();
await page.waitForURL(/\/admin\/?$/);
const ws = await page.getByRole('link', { name: /Konferens/ }).first().getAttribute('href');
await page.goto(`${ws}/dashboard`);
await page.getByText('Ansluten', { exact: true }).waitFor();
for (const [name, sel] of (process.env.SECTIONS || 'board:#board-h,info:#info-h,similar:#similar-h,grid:#grid-h').split(',').map((s) => s.split(':'))) {
  if (name === 'info') await page.getByRole('button', { name: /^Om temat: Tandvård/ }).click();
  if (name === 'similar') { await page.getByRole('button', { name: 'Sök liknande svar' }).click(); await page.waitForTimeout(1500); }
  if (name === 'list') await page.getByLabel('Kompakt lista').check();
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), sel);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}/${process.env.W || 1280}-${name}.png` });
}
console.log('errors', errors);
await browser.close();
