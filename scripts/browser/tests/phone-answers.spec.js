// The phone page after sending (issue 12): the newest answer first and in
// view, "Skickat ✓" on it, the theme it went under; the table corrects one
// answer and withdraws another within the minutes it has; the dashboard
// shows the correction as the table's, with what it first wrote, and the
// dashboard and the projector say how many tables have answered.
import {
  test, expect, readyWorkshop, openDashboard, openTable, submitAnswer, answer, answers, card, board,
  expectNoAxeViolations, SENT,
} from './helpers.js';

const SENT_MARK = `${SENT} ✓`;

test('a table sees its newest answer first, corrects one and withdraws another', async ({ newContext }) => {
  test.slow(); // a phone, the dashboard and the projector, each checked by axe
  const { page: dashboard, workshop, codes } = await readyWorkshop(newContext);
  await openDashboard(dashboard, workshop);
  await expect(dashboard.getByText('0 av 2 bord har svarat')).toBeVisible();

  const phone = await openTable(await newContext('phone'), codes[0]);
  await submitAnswer(phone, 'Ett första svar om mötesplatser', 'Dialog');
  await expect(answer(phone, 'Ett första svar om mötesplatser')).toContainText(SENT_MARK);
  await submitAnswer(phone, 'Fler mötesplaster i kommunerna', 'Långsiktighet');
  const newest = answer(phone, 'Fler mötesplaster i kommunerna');
  await expect(newest).toContainText(SENT_MARK);
  await expect(newest).toContainText('Tema: Långsiktighet');
  await expect(newest).toBeInViewport();
  await expect(answers(phone).getByRole('listitem').first()).toContainText('Fler mötesplaster i kommunerna');
  await expect(answers(phone).getByRole('listitem').nth(1)).toContainText('Tema: Dialog');
  await expect(dashboard.getByText('1 av 2 bord har svarat')).toBeVisible();
  await expectNoAxeViolations(phone, 'the phone with two answers sent');

  // A typo: the table corrects its newest answer.
  await newest.getByRole('button', { name: 'Ändra' }).click();
  const edit = phone.getByLabel('Ändra svaret');
  await expect(edit).toBeFocused();
  await expect(edit).toHaveValue('Fler mötesplaster i kommunerna');
  await expectNoAxeViolations(phone, 'the phone correcting an answer');
  await edit.fill('Fler mötesplatser i kommunerna');
  await phone.getByRole('button', { name: 'Spara ändringen' }).click();
  const corrected = answer(phone, 'Fler mötesplatser i kommunerna');
  await expect(corrected).toContainText(SENT_MARK);
  await expect(corrected).toContainText('Ändrat');
  await expect(answer(phone, 'Fler mötesplaster i kommunerna')).toHaveCount(0);

  // The first answer was meant for another question: the table takes it back.
  const first = answer(phone, 'Ett första svar om mötesplatser');
  await first.getByRole('button', { name: 'Ta tillbaka' }).click();
  await expect(first.getByText('Ta tillbaka svaret?')).toBeVisible();
  await expectNoAxeViolations(phone, 'the phone asking before withdrawing');
  await first.getByRole('button', { name: 'Ja, ta tillbaka' }).click();
  await expect(answer(phone, 'Ett första svar om mötesplatser')).toHaveCount(0);
  await expect(answers(phone).getByRole('listitem')).toHaveCount(1);

  // The facilitators see the table's correction with its first words; the
  // withdrawn answer leaves the wall.
  const seen = card(board(dashboard), 'Fler mötesplatser i kommunerna');
  await seen.getByText('Ändrat av bordet').click();
  await expect(seen.getByText('Bordet skrev först: Fler mötesplaster i kommunerna')).toBeVisible();
  await expect(card(board(dashboard), 'Ett första svar om mötesplatser')).toHaveCount(0);
  await expect(dashboard.getByText('1 av 2 bord har svarat')).toBeVisible();
  await expectNoAxeViolations(dashboard, 'the dashboard with a table\'s correction');

  await dashboard.goto(`${workshop.url}/projector`);
  await expect(dashboard.getByText('1 av 2 bord har svarat')).toBeVisible();
  await expectNoAxeViolations(dashboard, 'the projector with the tables that answered');

  // The workshop's documentation: the corrected answer, not the withdrawn one.
  await dashboard.goto(`${workshop.url}/report`);
  await expect(dashboard.getByRole('heading', { level: 1, name: `Dokumentation från workshopen: ${workshop.name}` })).toBeVisible();
  await expect(dashboard.getByText('Fler mötesplatser i kommunerna').first()).toBeVisible();
  await expect(dashboard.getByText('Ett första svar om mötesplatser')).toHaveCount(0);
  await expectNoAxeViolations(dashboard, 'the workshop\'s documentation');
});

test('an answer waits visibly while the phone is offline', async ({ newContext }) => {
  const { codes } = await readyWorkshop(newContext);
  const context = await newContext('phone');
  const phone = await openTable(context, codes[0]);
  await context.setOffline(true);
  await expect(phone.getByText('Ingen anslutning – försöker igen')).toBeVisible();
  await submitAnswer(phone, 'Skrivet utan nät');
  await expect(answer(phone, 'Skrivet utan nät')).toContainText('Väntar');
  await expect(answer(phone, 'Skrivet utan nät')).toBeInViewport();
  await context.setOffline(false);
  await expect(answer(phone, 'Skrivet utan nät')).toContainText(SENT_MARK);
});
