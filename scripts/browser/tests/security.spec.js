// An XSS corpus typed into every text field renders as text on every page
// and in the exports; every page is served with the security headers. (The
// test fixture also fails any test on a CSP violation, a script error or a
// dialog, on every page of every test.)
import {
  test, expect, facilitator, openWorkshop, openQuestion, openDashboard, openTable, submitAnswer, answer, card, column,
  SENT, unique,
} from './helpers.js';

// Each payload carries data-xss, so any element it managed to create is found.
const CORPUS = [
  '<script data-xss>alert("s")</script>',
  '<img src=x onerror="alert(\'i\')" data-xss>',
  '"><svg data-xss onload=alert(1)><circle r=9 /></svg>',
  '\'><iframe data-xss srcdoc="<script>alert(2)</script>"></iframe>',
  '<a href="javascript:alert(3)" data-xss>klicka</a>',
  '<math><mtext><table><mglyph><style><img data-xss src=x onerror=alert(4)>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '\u202Etxt.exe \u200Bnoll\u200Bbredd e\u0301 \uFEFFbom',
  '=HYPERLINK("http://evil.example","klicka")',
  '+SUM(1,2) -2+3 @SUM(1) \t=1+1',
];
const SHORT = '<img src=x onerror="alert(\'kort\')" data-xss>"\'<b data-xss>fet</b>';

async function expectInert(page, what) {
  await expect(page.locator('[data-xss]'), `elements created from user text on ${what}`).toHaveCount(0);
  await expect(page.locator('main iframe, main svg circle')).toHaveCount(0);
}

test('an XSS corpus in every text field stays text on every page and in every export', async ({ newContext }) => {
  test.slow();
  const { page } = await facilitator(newContext);
  // Workshop name, place, questions and themes through the "new workshop" form.
  const name = `${unique('XSS')} ${SHORT}`;
  await page.goto('/admin/workshops/new');
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Plats').fill(SHORT);
  await page.getByLabel('Frågor').fill(`Fråga ett ${SHORT}\nFråga två`);
  await page.getByRole('radio', { name: 'Egna teman' }).check();
  await page.getByLabel('Egna teman, ett per rad').fill(`Tema ${SHORT}\nAndra temat`);
  await page.getByLabel('Antal bord').fill('2');
  await page.getByRole('button', { name: 'Skapa workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const url = new URL(page.url()).pathname;
  await expectInert(page, 'workshop page');
  // A table name.
  await page.getByLabel('Byt namn Bord 1').fill(`Bord ${SHORT}`.slice(0, 80));
  await page.getByRole('button', { name: 'Spara Bord 1' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await openWorkshop(page);
  await openQuestion(page, 1);
  const code = (await page.locator('table.data code').first().textContent()).trim();

  // Every payload as an answer from a phone.
  const phone = await openTable(await newContext('phone'), code);
  for (const text of CORPUS) await submitAnswer(phone, text);
  // Once acknowledged, the phone shows each answer as stored: NFC-normalised.
  await expect(answer(phone, CORPUS[CORPUS.length - 1].normalize('NFC'))).toContainText(SENT);
  for (const text of CORPUS) await expect(answer(phone, text.normalize('NFC'))).toBeVisible();
  await expectInert(phone, 'phone page');

  // The dashboard shows them as text; a facilitator's correction is text too.
  await openDashboard(page, { url });
  const parking = column(page, 'Övrigt / ej sorterat');
  // Stored text is NFC-normalised (e + combining accent becomes é).
  for (const text of CORPUS) await expect(card(parking, text.normalize('NFC'))).toBeVisible();
  const first = card(parking, CORPUS[0]);
  await first.getByText('Åtgärder', { exact: true }).click();
  await first.getByLabel('Rättad text').fill(`rättad ${SHORT}`);
  await first.getByRole('button', { name: 'Spara rättning' }).click();
  await expect(card(parking, `rättad ${SHORT}`)).toBeVisible();
  await expectInert(page, 'dashboard');

  for (const path of [`${url}/projector`, `${url}/print`, '/admin', url, '/admin/audit']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expectInert(page, path);
  }
  await page.goto(`${url}/projector`);
  await page.getByLabel('Gå till').selectOption({ label: 'Övrigt / ej sorterat' });
  await expect(page.getByText(CORPUS[1])).toBeVisible();
  await expectInert(page, 'projector theme slide');

  // Exports: attachments with their own types; formulas neutralised in CSV.
  const csv = await page.request.get(`${url}/export.csv`);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment/);
  const body = await csv.text();
  expect(body).toContain('\'=HYPERLINK(');
  expect(body).toContain('\'+SUM(1,2)');
  expect(body).not.toMatch(/;=HYPERLINK/);
  const json = await page.request.get(`${url}/export.json`);
  expect(json.headers()['content-type']).toMatch(/^application\/json/);
  expect(JSON.stringify(await json.json())).toContain('data-xss');
});

test('every page is served with the security headers', async ({ newContext }) => {
  const { page } = await facilitator(newContext);
  for (const path of ['/', '/login', '/privacy', '/accessibility', '/admin', '/admin/users', '/admin/audit']) {
    const res = await page.goto(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("default-src 'self'");
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).not.toContain('unsafe-inline');
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['referrer-policy'], path).toBe('same-origin');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    // HSTS only over HTTPS; these tests run on http://localhost.
    expect(h['strict-transport-security'], path).toBeUndefined();
  }
});
