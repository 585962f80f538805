// The participant's page on a phone's first visit: what it transfers
// (compressed, as the browser receives it) and where from. Conference Wi-Fi
// is slow, and a public service must not call third parties.
import { test, expect, readyWorkshop, baseURL } from './helpers.js';

const BUDGET = 50 * 1024;

test('the participant page loads in under 50 KB, all from our own server', async ({ newContext }) => {
  const { codes } = await readyWorkshop(newContext);
  const phone = await newContext('phone');
  const page = await phone.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(`/t/${codes[0]}`, { waitUntil: 'networkidle' });
  await expect(page.getByText('Ansluten', { exact: true })).toBeVisible();

  const origin = new URL(baseURL()).origin;
  let total = 0;
  const lines = [];
  for (const r of responses) {
    const url = new URL(r.url());
    expect(url.origin, `request to ${r.url()}`).toBe(origin);
    const sizes = await r.request().sizes();
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    total += bytes;
    lines.push(`${bytes}\t${url.pathname}`);
  }
  console.log(`participant page, first load: ${total} bytes\n${lines.join('\n')}`);
  expect(responses.length).toBeGreaterThan(3);
  expect(total, lines.join('\n')).toBeLessThan(BUDGET);
});
