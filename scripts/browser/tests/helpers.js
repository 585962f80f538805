// Shared steps for the browser tests: devices, logging in, creating and
// opening a workshop through the real forms, reading table codes.
import { test as base, expect } from '@playwright/test';

export { expect };

export const ADMIN = { name: 'Administratör', email: 'admin@example.se', password: 'blå cykel på taket 7' };

/** The server global-setup.js started; the port is chosen at run time. */
export function baseURL() {
  const url = process.env.SAMRAD_TEST_URL;
  if (!url) throw new Error('SAMRAD_TEST_URL is not set: run the tests with `npx playwright test` (global-setup.js starts the server)');
  return url;
}

export const PHONE = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
};
export const LAPTOP = { viewport: { width: 1280, height: 800 } };

// Every page, on every test, must not throw, must not open a dialog and must
// not break the Content-Security-Policy: a script error, an alert() from
// injected text or a blocked inline script or style fails the test.
function watch(page, problems) {
  page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`));
  // Chromium reports every Content-Security-Policy violation on the console.
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) problems.push(`${page.url()}: CSP violation: ${msg.text()}`);
  });
  page.on('dialog', async (dialog) => {
    problems.push(`${page.url()}: unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

/**
 * The test object for these tests: `newContext('phone' | 'laptop')` opens a
 * separate browser context (its own cookies, storage and service workers) on
 * the test server, closed after the test. Every page in it is watched for
 * script errors and dialogs.
 */
export const test = base.extend({
  newContext: async ({ browser }, use) => {
    const contexts = [];
    const problems = [];
    await use(async (kind = 'laptop', options = {}) => {
      const context = await browser.newContext({
        ...(kind === 'phone' ? PHONE : LAPTOP), baseURL: baseURL(), locale: 'sv-SE', ...options,
      });
      context.on('page', (page) => watch(page, problems));
      contexts.push(context);
      return context;
    });
    for (const c of contexts) await c.close();
    expect(problems, 'script errors or dialogs in the pages').toEqual([]);
  },
});

let counter = 0;
/** A name no other test (or earlier run) uses. */
export function unique(prefix) {
  counter += 1;
  return `${prefix} ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Logs in through /login and lands on /admin. */
export async function login(page, user = ADMIN) {
  await page.goto('/login');
  await page.getByLabel('E-postadress').fill(user.email);
  await page.getByLabel('Lösenord').fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Workshoppar' })).toBeVisible();
}

// Logins this worker has made, by e-mail: a new context starts from the
// cookies of one (as a browser with a remembered login would) instead of
// typing the password again; tests of logging in use login() directly.
const loggedIn = new Map();

/** A new context of that kind with a logged-in facilitator, and its page. */
export async function facilitator(newContext, kind = 'laptop', user = ADMIN) {
  const saved = loggedIn.get(user.email);
  const context = await newContext(kind, saved ? { storageState: saved } : {});
  const page = await context.newPage();
  if (saved) {
    await page.goto('/admin');
    // A session that ended meanwhile (a test logged out) leads to the login page.
    if (/\/admin\/?$/.test(new URL(page.url()).pathname)) return { context, page };
  }
  await login(page, user);
  loggedIn.set(user.email, await context.storageState());
  return { context, page };
}

/**
 * An administrator invites a colleague (role: 'Processledare' or 'Läsare');
 * the colleague opens the one-time link in a context of their own, chooses a
 * name and password and is logged in. Returns { user, context, page }.
 */
export async function inviteColleague(adminPage, newContext, role = 'Processledare', kind = 'laptop') {
  const user = { name: unique('Kollega'), email: `${unique('kollega').replace(/\W+/g, '-')}@example.se`,
    password: 'gröna äpplen i hängmattan' };
  await adminPage.goto('/admin/users');
  await adminPage.getByLabel('E-postadress').fill(user.email);
  await adminPage.getByLabel('Roll', { exact: true }).selectOption({ label: role });
  await adminPage.getByRole('button', { name: 'Skapa inbjudningslänk' }).click();
  const link = await adminPage.getByLabel('Länk', { exact: true }).inputValue();
  const context = await newContext(kind);
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa ditt konto' })).toBeVisible();
  await page.getByLabel('Namn').fill(user.name);
  await page.getByLabel('Nytt lösenord').fill(user.password);
  await page.getByLabel('Skriv det nya lösenordet igen').fill(user.password);
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshoppar' })).toBeVisible();
  return { user, context, page };
}

/** Gives a user access to a workshop from its page ("Vilka har tillgång"). */
export async function grantAccess(page, workshop, user) {
  await page.goto(workshop.url);
  const select = page.getByLabel('Ge tillgång till');
  const value = await select.locator('option', { hasText: user.email }).getAttribute('value');
  await select.selectOption(value);
  await page.getByRole('button', { name: 'Ge tillgång', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Tillgången är ändrad.');
}

/**
 * Creates a workshop through the "Skapa workshop" form, from /admin.
 * Returns { id, name, url } with the page left on the workshop's page.
 */
export async function createWorkshop(page, { name = unique('Workshop'), tables = 2, preset = 'Överenskommelsens principer' } = {}) {
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Skapa workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa workshop' })).toBeVisible();
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Datum').fill('2026-03-15');
  await page.getByLabel('Plats').fill('Ljungskile folkhögskola');
  await expect(page.getByLabel('Frågor')).toHaveValue(/Utmaningar/);
  await page.getByRole('radio', { name: preset }).check();
  await page.getByLabel('Antal bord').fill(String(tables));
  await page.getByRole('button', { name: 'Skapa workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const id = new URL(page.url()).pathname.match(/^\/admin\/workshops\/([^/]+)$/)?.[1];
  expect(id, 'workshop id in the address').toBeTruthy();
  return { id, name, url: `/admin/workshops/${id}` };
}

/** On the workshop page: opens the workshop for the participants. */
export async function openWorkshop(page) {
  await page.getByRole('button', { name: 'Öppna för deltagarna' }).click();
  await expect(page.getByText('Workshoppen är nu: Öppen för svar.')).toBeVisible();
}

/** On the workshop page: opens question n ("Öppna Fråga n"). */
export async function openQuestion(page, n) {
  await page.getByRole('button', { name: `Öppna Fråga ${n}`, exact: true }).click();
  await expect(page.getByRole('button', { name: `Stäng Fråga ${n}`, exact: true })).toBeVisible();
}

/** On the workshop page: the tables' codes, in table order ("Bord 1" first). */
export async function tableCodes(page) {
  const table = page.getByRole('table', { name: 'Bord' });
  const codes = await table.getByRole('code').allTextContents();
  expect(codes.length, 'table codes on the workshop page').toBeGreaterThan(0);
  return codes.map((c) => c.trim());
}

/** On the workshop page: the event-wide join code. */
export async function joinCode(page) {
  const text = await page.getByText(/Gemensam kod för hela salen: /).textContent();
  return text.replace(/.*: /, '').trim();
}

const PRESETS = { 'VGR:s verksamheter': 'vgr', 'Överenskommelsens principer': 'principles', 'Europeiska koden': 'eucode' };

/** Posts a form as the page's browser would, with the CSRF token of the page it belongs to. */
async function postForm(page, formPage, action, fields) {
  const html = await (await page.request.get(formPage)).text();
  const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  expect(csrf, `CSRF token on ${formPage}`).toBeTruthy();
  const res = await page.request.post(action, { form: { _csrf: csrf, ...fields }, maxRedirects: 0 });
  expect(res.status(), `POST ${action}`).toBe(303);
  return { html, location: res.headers().location };
}

/**
 * The usual start: a logged-in facilitator has a workshop, open, with
 * question 1 open, made through the same forms as createWorkshop,
 * openWorkshop and openQuestion but posted without drawing each page (those
 * forms have tests of their own). Returns the facilitator's context and page
 * (left on the workshop's page), the workshop, and the table codes.
 */
export async function readyWorkshop(newContext, { name = unique('Workshop'), tables = 2, preset = 'Överenskommelsens principer' } = {}) {
  const { context, page } = await facilitator(newContext, 'laptop');
  const unescape = (s) => s.replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const newPage = await (await page.request.get('/admin/workshops/new')).text();
  const questions = unescape(newPage.match(/<textarea[^>]*name="questions"[^>]*>([^<]*)<\/textarea>/)?.[1] ?? '');
  const created = await postForm(page, '/admin/workshops/new', '/admin/workshops', {
    name, date: '2026-03-15', place: 'Ljungskile folkhögskola', questions, preset: PRESETS[preset], tables: String(tables),
  });
  const id = created.location.match(/^\/admin\/workshops\/([^/?#]+)/)?.[1];
  expect(id, 'workshop id in the redirect').toBeTruthy();
  const url = `/admin/workshops/${id}`;
  await postForm(page, url, `${url}/state`, { state: 'open' });
  const workshopPage = await (await page.request.get(url)).text();
  const firstQuestion = workshopPage.match(new RegExp(`action="${url}/questions/([^/"]+)/state"`))?.[1];
  expect(firstQuestion, 'question 1 on the workshop page').toBeTruthy();
  await postForm(page, url, `${url}/questions/${firstQuestion}/state`, { state: 'open' });
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Stäng Fråga 1', exact: true })).toBeVisible();
  const codes = await tableCodes(page);
  return { context, page, workshop: { id, name, url }, codes };
}

/** Opens the dashboard and waits for the live connection. */
export async function openDashboard(page, workshop) {
  await page.goto(`${workshop.url}/dashboard`);
  await expect(page.getByRole('heading', { level: 1, name: 'Översikt' })).toBeVisible();
  await expect(page.getByText('Ansluten', { exact: true })).toBeVisible();
}

/** The dashboard's board of theme columns. */
export function board(page) {
  return page.getByRole('region', { name: 'Svar sorterade i teman' });
}

/** A theme's column on the dashboard: the region named by the theme. */
export function column(page, theme) {
  return board(page).getByRole('region', { name: theme, exact: true });
}

/** The "N svar" count in a theme's column head. */
export function columnCount(page, theme) {
  return column(page, theme).getByText(/^\d+ svar$/);
}

/** The card (list item) of one input, found by its text, within scope. */
export function card(scope, text) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.getByRole('listitem').filter({ has: page.getByText(text, { exact: true }) });
}

/** Opens a phone on a table's page and waits until it is live. */
export async function openTable(context, code) {
  const page = await context.newPage();
  await page.goto(`/t/${code}`);
  await expect(page.getByText('Ansluten', { exact: true })).toBeVisible();
  return page;
}

/** On a phone: writes an answer to the first open question and sends it. */
export async function submitAnswer(page, text, theme) {
  await page.getByLabel('Ert svar').first().fill(text);
  if (theme) await page.getByLabel('Tema (valfritt)').first().selectOption({ label: theme });
  await page.getByRole('button', { name: 'Skicka' }).first().click();
}

/** On a phone: the list "Bordets svar (n)" under the first open question. */
export function answers(page) {
  return page.getByRole('list', { name: /^Bordets svar/ }).first();
}

/** On a phone: the entry of one answer in "Bordets svar", by its text. */
export function answer(page, text) {
  return card(answers(page), text);
}

export const SENT = 'Skickat';
export const WAITING = 'Väntar – skickas när anslutningen är tillbaka';

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now and fails
 * with a readable list if anything is found. `what` names the page state.
 */
export async function expectNoAxeViolations(page, what) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')}`);
  expect(found, `axe violations on ${what} (${page.url()})`).toEqual([]);
  // A run that checked nothing would pass too: make sure it looked at the page.
  expect(result.passes.length, `axe checked ${what}`).toBeGreaterThan(5);
}
