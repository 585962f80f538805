// The language switch, as a keyboard user and a phone user meet it: it is in
// the header of every page and on the phone page, reachable with Tab, and the
// choice is kept for the next pages.
import { test, expect, readyWorkshop } from './helpers.js';
import { say } from './lang.js';

test('switching language by keyboard, and the choice is remembered', async ({ newContext }) => {
  const page = await (await newContext('laptop')).newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  // Tab from the top of the page until the switch has focus.
  const english = page.getByRole('navigation', { name: say('sv', 'lang.switch') })
    .getByRole('link', { name: 'English', exact: true });
  await expect(english).toHaveAttribute('lang', 'en');
  let reached = false;
  for (let i = 0; i < 10 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await english.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'the switch is reachable with Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: say('en', 'home.heading') })).toBeVisible();
  // Kept on the next page.
  await page.goto('/login');
  await expect(page.getByRole('button', { name: say('en', 'login.submit') })).toBeVisible();
  // And back.
  const svenska = page.getByRole('navigation', { name: say('en', 'lang.switch') })
    .getByRole('link', { name: 'Svenska', exact: true });
  await svenska.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page).toHaveURL(/\/login$/);
});

test('the phone page switches language, keeping what was typed', async ({ newContext }) => {
  const { codes } = await readyWorkshop(newContext);
  const phone = await (await newContext('phone')).newPage();
  await phone.goto(`/t/${codes[0]}`);
  await expect(phone.getByText(say('sv', 'live.open'), { exact: true })).toBeVisible();
  await phone.getByLabel(say('sv', 'phone.answer_label')).first().fill('Halvskrivet svar');
  await phone.getByRole('link', { name: 'English', exact: true }).focus();
  await phone.keyboard.press('Enter');
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  await expect(phone.getByText(say('en', 'live.open'), { exact: true })).toBeVisible();
  await expect(phone.getByLabel(say('en', 'phone.answer_label')).first()).toHaveValue('Halvskrivet svar');
  await expect(phone.getByRole('button', { name: say('en', 'phone.send') }).first()).toBeVisible();
});
