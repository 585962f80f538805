// The live loop: a phone's answer reaches the facilitator's dashboard and the
// table's other phones without a reload, and never another table's phones.
import {
  test, expect, readyWorkshop, openDashboard, openTable, submitAnswer, answer, answers, board, card,
  column, columnCount, SENT,
} from './helpers.js';

test('a phone\'s answer with a chosen theme appears live in that theme\'s column on the dashboard', async ({ newContext }) => {
  const { page: dashboard, workshop, codes } = await readyWorkshop(newContext);
  await openDashboard(dashboard, workshop);
  await expect(columnCount(dashboard, 'Dialog')).toHaveText('0 svar');
  // Marks this document: if the page were reloaded, the mark would be gone.
  await dashboard.evaluate(() => { window.samradTestMark = 'same document'; });
  // A keyboard user on a control keeps the focus while input arrives.
  const closeQuestion = dashboard.getByRole('button', { name: 'Stäng – Fråga 1' });
  await closeQuestion.focus();

  const phone = await openTable(await newContext('phone'), codes[0]);
  const text = 'Vi vill ha regelbundna dialogmöten med nämnden, två gånger om året.';
  await submitAnswer(phone, text, 'Dialog');
  await expect(answer(phone, text)).toContainText(SENT);
  await expect(phone.getByLabel('Ert svar')).toHaveValue('');

  const item = card(column(dashboard, 'Dialog'), text);
  await expect(item).toBeVisible();
  await expect(item).toContainText('Bord 1 · Fråga 1');
  await expect(columnCount(dashboard, 'Dialog')).toHaveText('1 svar');
  // Only there: once on the whole board, nowhere else.
  await expect(card(board(dashboard), text)).toHaveCount(1);
  await expect(columnCount(dashboard, 'Övrigt / ej sorterat')).toHaveText('0 svar');
  await expect(dashboard.getByText('1 svar visas av 1.')).toBeVisible();
  await expect(dashboard.getByRole('status')).toHaveText('Nya svar: 1.');
  await expect(closeQuestion).toBeFocused();
  expect(await dashboard.evaluate(() => window.samradTestMark)).toBe('same document');
});

test('two phones at one table see each other\'s answers live; another table sees none of them', async ({ newContext }) => {
  const { page: dashboard, workshop, codes } = await readyWorkshop(newContext);
  await openDashboard(dashboard, workshop);
  const first = await openTable(await newContext('phone'), codes[0]);
  const second = await openTable(await newContext('phone'), codes[0]);
  const otherTable = await openTable(await newContext('phone'), codes[1]);
  await expect(otherTable.getByRole('heading', { level: 1, name: 'Bord 2' })).toBeVisible();

  const fromFirst = 'Första telefonen: samarbete med idrottsföreningar.';
  const fromSecond = 'Andra telefonen: gemensamma lokaler.';
  await submitAnswer(first, fromFirst, 'Kvalitet');
  await expect(answer(second, fromFirst)).toContainText(SENT);
  await submitAnswer(second, fromSecond);
  await expect(answer(first, fromSecond)).toContainText(SENT);
  await expect(answers(first).getByRole('listitem')).toHaveCount(2);
  await expect(answers(second).getByRole('listitem')).toHaveCount(2);
  await expect(card(board(dashboard), fromFirst)).toHaveCount(1);
  await expect(card(board(dashboard), fromSecond)).toHaveCount(1);

  // The facilitator pauses the live wall (WCAG 2.2.2): new input waits.
  await dashboard.getByRole('button', { name: 'Pausa live-uppdateringen' }).click();
  const resume = dashboard.getByRole('button', { name: 'Fortsätt live-uppdateringen' });
  await expect(resume).toHaveAttribute('aria-pressed', 'true');

  // Table 2 writes after table 1: its own answer arrives, table 1's never do,
  // neither live nor in the snapshot after a reload.
  const fromOther = 'Bord 2: vi saknar information om bidragen.';
  await submitAnswer(otherTable, fromOther);
  await expect(answer(otherTable, fromOther)).toContainText(SENT);
  // The new answer waits; so may new suggestions for the second phone's
  // answer, made once the model has learnt from the first phone's theme.
  await expect(dashboard.getByText(/^Ändringar som väntar: [12]$/)).toBeVisible();
  await expect(card(board(dashboard), fromOther)).toHaveCount(0);
  await resume.click();
  await expect(dashboard.getByRole('button', { name: 'Pausa live-uppdateringen' })).toHaveAttribute('aria-pressed', 'false');
  await expect(card(board(dashboard), fromOther)).toHaveCount(1);
  await expect(dashboard.getByText(/^Ändringar som väntar/)).toBeHidden();
  await expect(answers(otherTable).getByRole('listitem')).toHaveCount(1);
  await expect(otherTable.getByText(fromFirst)).toHaveCount(0);
  await expect(otherTable.getByText(fromSecond)).toHaveCount(0);
  await otherTable.reload();
  await expect(otherTable.getByText('Ansluten', { exact: true })).toBeVisible();
  await expect(answer(otherTable, fromOther)).toContainText(SENT);
  await expect(answers(otherTable).getByRole('listitem')).toHaveCount(1);
  await expect(otherTable.getByText(fromFirst)).toHaveCount(0);
  await expect(first.getByText(fromOther)).toHaveCount(0);
});
