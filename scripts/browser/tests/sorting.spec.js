// Acceptance 1 of issue 9: three phones send 40 answers with no theme; the
// facilitator sorts them from the queue "Att sortera" with the keyboard
// alone, merges a suggested pair of near-duplicates, and a second
// facilitator sees every change live; axe finds nothing.
import {
  test, expect, inviteColleague, grantAccess, readyWorkshop, openDashboard, openTable, submitAnswer, answer,
  expectNoAxeViolations, columnCount, SENT,
} from './helpers.js';
import { sendAnswers, tuningAnswers } from './seed.js';

const VGR = 'VGR:s verksamheter';
const THEMES = ['Hälso- och sjukvård', 'Tandvård', 'Habilitering', 'Kollektivtrafik', 'Kultur', 'Utbildning', 'Övrigt / ej sorterat'];
const DUP_A = 'Läxhjälp via ideella organisationer';
const DUP_B = 'Läxhjälp genom föreningar';

test('the facilitator sorts 40 answers from the queue by keyboard; a colleague sees it all', async ({ newContext }) => {
  test.slow();
  const { page, workshop, codes } = await readyWorkshop(newContext, { preset: VGR, tables: 3 });
  const { user: colleague, page: watcher } = await inviteColleague(page, newContext);
  await grantAccess(page, workshop, colleague);

  // Three phones. Each types one answer through its form; the other 37 are
  // sent through the same phones' connections (typing them would take the
  // test's whole time). Two of them say the same thing in other words.
  const phones = [];
  for (const code of codes) phones.push(await openTable(await newContext('phone'), code));
  const rest = tuningAnswers().filter((a) => a.dup === null).slice(0, 37).map((a) => a.text);
  expect(await sendAnswers(phones[2], codes, rest)).toEqual([]);
  await submitAnswer(phones[0], DUP_A);
  await expect(answer(phones[0], DUP_A)).toContainText(SENT);
  await submitAnswer(phones[2], 'Fler bussar på kvällarna ute på landsbygden');
  await submitAnswer(phones[1], DUP_B);
  await expect(answer(phones[1], DUP_B)).toContainText(SENT);

  await openDashboard(watcher, workshop);
  await openDashboard(page, workshop);
  const queue = page.getByRole('list', { name: /^Att sortera/ });
  await expect(page.getByRole('heading', { name: 'Att sortera (40 svar)' })).toBeVisible();
  await expect(watcher.getByRole('heading', { name: 'Att sortera (40 svar)' })).toBeVisible();
  await expectNoAxeViolations(page, 'the dashboard with 40 answers to sort');

  // Alt+K takes the keyboard to the queue; the newest answer first.
  await page.keyboard.press('Alt+K');
  let focused = queue.getByRole('listitem').first();
  await expect(focused).toBeFocused();

  // The near-duplicate: L shows the similar answers, with what they share,
  // each offered as a merge; Tab reaches the merge and Enter does it.
  const dup = queue.getByRole('listitem').filter({ hasText: DUP_B }).first();
  await expect(dup).toBeFocused();
  await page.keyboard.press('l');
  const offer = dup.getByRole('listitem').filter({ hasText: DUP_A });
  await expect(offer).toContainText(/gemensamt: läxhjälp, föreningar ~ ideella/i);
  await expectNoAxeViolations(page, 'the queue with similar answers shown');
  const merge = offer.getByRole('button', { name: 'Slå ihop' });
  for (let i = 0; i < 12 && !(await merge.evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(merge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Svaren slogs ihop.');
  await expect(page.getByRole('heading', { name: 'Att sortera (39 svar)' })).toBeVisible();
  // The colleague finds the merged answer by searching an inflected form.
  await watcher.getByLabel('Sök i svaren').fill('läxhjälpen');
  await expect(watcher.getByText(/^1 svar visas av 40/)).toBeVisible();
  await expect(watcher.getByText('Sammanslaget av 2 svar')).toBeVisible();
  await watcher.getByLabel('Sök i svaren').fill('');

  // Sort the rest from the keyboard alone: Enter accepts the suggestion,
  // a number key chooses a theme (7 = Övrigt, when nothing was suggested).
  // The focus stays in the queue, on the answer that takes the sorted one's place.
  await page.keyboard.press('Alt+K');
  let sorted = 0;
  for (let left = 39; left > 0; left--) {
    focused = queue.locator('li.q-item:focus');
    await expect(focused, `an answer in the queue has the focus (${left} left)`).toHaveCount(1);
    const accept = focused.getByRole('button', { name: /^Godkänn: / });
    if (await accept.isVisible()) await page.keyboard.press('Enter');
    else await page.keyboard.press(sorted % 2 ? '6' : '7');
    sorted++;
    await expect(page.getByRole('heading', { name: `Att sortera (${left - 1} svar)` })).toBeVisible();
  }
  await expect(page.getByText('Allt är sorterat. Nya svar utan tema hamnar här.')).toBeFocused();

  // The colleague's dashboard shows the same: nothing left to sort, and
  // every theme with the same count.
  await expect(watcher.getByRole('heading', { name: 'Att sortera (0 svar)' })).toBeVisible();
  for (const theme of THEMES) {
    await expect(columnCount(watcher, theme)).toHaveText(await columnCount(page, theme).textContent());
  }
  await expectNoAxeViolations(page, 'the dashboard with everything sorted');

  // U undoes the last sorting: the answer is back in the queue, for both,
  // with the focus on it.
  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { name: 'Att sortera (1 svar)' })).toBeVisible();
  await expect(queue.getByRole('listitem').first()).toBeFocused();
  await expect(watcher.getByRole('heading', { name: 'Att sortera (1 svar)' })).toBeVisible();
});

test('accept all confident suggestions at once, with a count and an undo', async ({ newContext }) => {
  const { page, workshop, codes } = await readyWorkshop(newContext, { preset: VGR, tables: 2 });
  const phone = await openTable(await newContext('phone'), codes[0]);
  const texts = ['Folktandvården borde komma till skolan och prata om tänderna', 'Bussarna går för sällan och turerna är för få',
    'Biblioteket och kulturskolan kan samarbeta med körerna', 'Vi vet inte riktigt'];
  expect(await sendAnswers(phone, codes, texts)).toEqual([]);
  await openDashboard(page, workshop);
  const bulk = page.getByRole('button', { name: /^Godkänn alla säkra förslag \(\d+\)$/ });
  const n = Number((await bulk.textContent()).match(/\((\d+)\)/)[1]);
  expect(n, 'confident suggestions among the answers').toBeGreaterThanOrEqual(2);
  await bulk.click();
  const undo = page.getByRole('button', { name: `Ångra (${n})` });
  await expect(undo).toBeFocused();
  await expectNoAxeViolations(page, 'the queue after accepting all confident suggestions');
  await expect(page.getByRole('status')).toHaveText(`${n} svar sorterades enligt förslagen. Du kan ångra.`);
  await expect(page.getByRole('heading', { name: `Att sortera (${4 - n} svar)` })).toBeVisible();
  await undo.press('Enter');
  await expect(page.getByRole('heading', { name: 'Att sortera (4 svar)' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Godkänn alla säkra förslag/ })).toBeFocused();
});
