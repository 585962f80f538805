import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: process.env.URL, viewport: { width: 320, height: 700 }, locale: 'sv-SE' });
const page = await ctx.newPage();
await page.goto('/login');
await page.getByLabel('E-postadress').fill('admin@example.se');
await page.getByLabel('Lösenord').fill('blå cykel på taket 7');
await page.getByRole('button', { name: 'Logga in' }).click();
await page.waitForURL(/\/admin\/?$/);
const ws = await page.getByRole('link', { name: /Konferens/ }).first().getAttribute('href');
await page.goto(`${ws}${process.env.P || '/dashboard'}`);
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => {
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > 322 && r.width > 0) {
      let inScroll = false;
      for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible' && p !== document.body && p !== document.documentElement) inScroll = true;
      if (!inScroll) out.push(`${e.tagName}.${e.className}#${e.id} ${Math.round(r.right)}`);
    }
  }
  return [document.documentElement.scrollWidth, ...out.slice(0, 15)];
}));
await page.screenshot({ path: '/tmp/sorting/shots/320.png' });
await browser.close();
