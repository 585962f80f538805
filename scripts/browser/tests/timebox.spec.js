// Issue 12, time boxes and rounds: a timed question counts down in step on
// a phone whose clock is wrong, the dashboard and the projector, all from the
// server's clock, and closes itself at zero; World Café rounds give each
// table its theme and rotate it. axe finds nothing on any of them.
//
// SAMRAD_SHOTS_DIR=<folder> saves screenshots of the countdown and a round
// (phone 390×844, dashboard and projector 1920×1080).
import { test, expect, readyWorkshop, openDashboard, openTable, expectNoAxeViolations } from './helpers.js';
import { say } from './lang.js';

const SHOTS = process.env.SAMRAD_SHOTS_DIR;
const WIDE = { width: 1920, height: 1080 };

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The countdown's seconds as drawn ("0:12" → 12). */
async function secondsShown(page) {
  const text = await page.locator('.timebox-time').textContent();
  const m = text.match(/^(\d+):(\d\d)$/);
  expect(m, `a countdown, not "${text}"`).toBeTruthy();
  return Number(m[1]) * 60 + Number(m[2]);
}

test('a timed question counts down in step everywhere and closes itself', async ({ newContext }) => {
  // Three pages and axe on each while the countdown runs: slow on a busy machine.
  test.slow();
  const { page, context, workshop, codes } = await readyWorkshop(newContext, { tables: 2 });

  // On the workshop page: question 2 gets 30 seconds and closes by itself.
  await page.getByText('Tidsgräns Fråga 2', { exact: true }).click();
  await page.getByLabel('Tidsgräns i minuter (valfri) Fråga 2', { exact: true }).fill('0:30');
  await page.getByLabel('Stäng automatiskt när tiden är ute Fråga 2', { exact: true }).check();
  await page.getByLabel('Tidsgräns i minuter (valfri) Fråga 2', { exact: true }).press('Enter');
  await expect(page.getByText('Tidsgräns 0:30, stängs automatiskt')).toBeVisible();

  // A phone whose clock is seven minutes slow.
  const phoneContext = await newContext('phone');
  await phoneContext.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() - 7 * 60 * 1000;
  });
  const phone = await openTable(phoneContext, codes[0]);
  const dash = page;
  await dash.setViewportSize(WIDE);
  await openDashboard(dash, workshop);
  const projector = await context.newPage();
  await projector.setViewportSize(WIDE);
  await projector.goto(`${workshop.url}/projector`);
  await expect(projector.getByText('Ansluten', { exact: true })).toBeVisible();

  // "Nästa fråga" closes question 1 and opens question 2 with its time box.
  await dash.getByRole('button', { name: 'Nästa fråga', exact: true }).click();
  await expect(dash.getByRole('status')).toHaveText('Nästa fråga är öppen.');
  const pages = { phone, dash, projector };
  for (const [name, p] of Object.entries(pages)) {
    await expect(p.locator('.timebox'), name).toBeVisible();
    await expect(p.locator('.timebox-label'), name).toHaveText(say('sv', 'tb.left_for', { n: 2 }));
  }
  const shown = {};
  for (const [name, p] of Object.entries(pages)) shown[name] = await secondsShown(p);
  const values = Object.values(shown);
  expect(Math.max(...values) - Math.min(...values), `in step: ${JSON.stringify(shown)}`).toBeLessThanOrEqual(1);
  expect(shown.phone, 'the phone counts on the server clock, not its own').toBeLessThanOrEqual(30);
  expect(shown.phone).toBeGreaterThan(10);
  await expect(dash.getByRole('button', { name: 'Öppna igen – Fråga 1' })).toBeVisible();

  // A phone that reloads resumes (no snapshot): the resume tells the server's
  // clock, and the countdown goes on in step at once.
  await phone.reload();
  await expect(phone.locator('.timebox')).toBeVisible();
  expect(Math.abs((await secondsShown(phone)) - (await secondsShown(dash)))).toBeLessThanOrEqual(1);

  await shot(phone, 'countdown-phone-390x844');
  await shot(dash, 'countdown-dashboard-1920x1080');
  await shot(projector, 'countdown-projector-1920x1080');
  await expectNoAxeViolations(phone, 'the phone with a countdown');
  await expectNoAxeViolations(dash, 'the dashboard with a countdown');
  await expectNoAxeViolations(projector, 'the projector with a countdown');

  // At zero the server closes it: the countdown goes on every screen, the
  // phone shows the question as closed, and its screen reader heard it once.
  for (const [name, p] of Object.entries(pages)) await expect(p.locator('.timebox'), name).toBeHidden({ timeout: 45_000 });
  await expect(dash.getByRole('button', { name: 'Öppna igen – Fråga 2' })).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'Tidigare frågor' })).toBeVisible();
  await expect(phone.locator('#announcer')).toHaveText('Tiden är ute');
});

test('World Café rounds give each table its theme and rotate it', async ({ newContext }) => {
  test.slow();
  const { page, workshop, codes } = await readyWorkshop(newContext, { tables: 2, preset: 'VGR:s verksamheter' });
  const phones = [];
  for (const code of codes) phones.push(await openTable(await newContext('phone'), code));
  await openDashboard(page, workshop);
  const rounds = page.getByRole('region', { name: 'Rundor (World Café)' });
  await rounds.getByRole('checkbox', { name: 'Kultur' }).check();
  await rounds.getByRole('checkbox', { name: 'Utbildning' }).check();
  await expectNoAxeViolations(page, 'the dashboard with the rounds set-up');
  await rounds.getByRole('button', { name: 'Starta runda 1' }).click();
  await expect(rounds.getByText('Runda 1 pågår.', { exact: false })).toBeVisible();
  await expect(rounds.getByRole('listitem').filter({ hasText: 'Kultur' })).toHaveText('Kultur: Bord 1');

  await expect(phones[0].getByText('Runda 1', { exact: true })).toBeVisible();
  await expect(phones[0].locator('#round strong')).toHaveText('Kultur');
  await expect(phones[1].locator('#round strong')).toHaveText('Utbildning');
  await shot(phones[0], 'round-phone-390x844');
  await expectNoAxeViolations(phones[0], 'a phone with its round');

  await rounds.getByRole('button', { name: 'Nästa runda' }).click();
  await expect(phones[0].locator('#round strong')).toHaveText('Utbildning');
  await expect(phones[1].locator('#round strong')).toHaveText('Kultur');
  await expect(phones[0].locator('#announcer')).toHaveText('Runda 2: ert bord samtalar om Utbildning.');
  await page.setViewportSize(WIDE);
  await shot(page, 'rounds-dashboard-1920x1080');
  await expectNoAxeViolations(page, 'the dashboard with rounds running');

  await rounds.getByRole('button', { name: 'Avsluta rundorna' }).click();
  await expect(phones[0].locator('#round')).toBeHidden();
  await expect(rounds.getByRole('button', { name: 'Starta runda 1' })).toBeVisible();
});
