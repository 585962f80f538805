// Moving an input to another theme with the keyboard alone (WCAG 2.1.1 and
// 2.5.7: an alternative to drag and drop), seen live by a second facilitator.
import {
  test, expect, inviteColleague, grantAccess, readyWorkshop, openDashboard, openTable, submitAnswer, answer,
  board, card, column, columnCount, SENT,
} from './helpers.js';

/** Presses Tab until target has the focus (at most max presses). */
async function tabTo(page, target, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with Tab within ${max} presses`).toBeFocused();
}

test('a facilitator moves an input with the keyboard; a second facilitator sees it move live', async ({ newContext }) => {
  // An invitation, a phone and two dashboards before the keyboard part: slow on a busy two-core machine.
  test.slow();
  const { page: admin, workshop, codes } = await readyWorkshop(newContext);
  // A second facilitator with an account of their own, given access to this workshop.
  const { user: colleague, page: watcher } = await inviteColleague(admin, newContext);
  await grantAccess(admin, workshop, colleague);

  const text = 'Vi vill att överenskommelsen följs upp varje år.';
  const phone = await openTable(await newContext('phone'), codes[0]);
  await submitAnswer(phone, text, 'Självständighet och oberoende');
  await expect(answer(phone, text)).toContainText(SENT);

  await openDashboard(watcher, workshop);
  await expect(card(column(watcher, 'Självständighet och oberoende'), text)).toBeVisible();
  await watcher.evaluate(() => { window.samradTestMark = 'same document'; });

  const page = admin;
  await openDashboard(page, workshop);
  const item = card(column(page, 'Självständighet och oberoende'), text);
  await expect(item).toBeVisible();

  const actions = item.getByLabel('Åtgärder för svaret från Bord 1');
  await tabTo(page, actions);
  await page.keyboard.press('Enter');
  const themeSelect = item.getByLabel('Flytta till tema');
  await expect(themeSelect).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(themeSelect).toBeFocused();
  const target = await themeSelect.getByRole('option', { name: 'Långsiktighet' }).getAttribute('value');
  for (let i = 0; i < 8 && (await themeSelect.inputValue()) !== target; i++) await page.keyboard.press('ArrowDown');
  await expect(themeSelect).toHaveValue(target);
  await page.keyboard.press('Tab');
  const move = item.getByRole('button', { name: 'Flytta', exact: true });
  await expect(move).toBeFocused();
  await page.keyboard.press('Space');

  // Moved on this dashboard, with a status message, and the focus kept.
  const moved = card(column(page, 'Långsiktighet'), text);
  await expect(moved).toBeVisible();
  await expect(card(column(page, 'Självständighet och oberoende'), text)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Svaret flyttades till Långsiktighet.');
  await expect(moved.getByRole('button', { name: 'Flytta', exact: true })).toBeFocused();

  // And live on the colleague's dashboard, without a reload.
  await expect(card(column(watcher, 'Långsiktighet'), text)).toBeVisible();
  await expect(card(column(watcher, 'Självständighet och oberoende'), text)).toHaveCount(0);
  await expect(columnCount(watcher, 'Långsiktighet')).toHaveText('1 svar');
  await expect(columnCount(watcher, 'Självständighet och oberoende')).toHaveText('0 svar');
  await expect(card(board(watcher), text)).toHaveCount(1);
  expect(await watcher.evaluate(() => window.samradTestMark)).toBe('same document');
});
