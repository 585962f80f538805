// Acceptance 1 of issue 12, prioritising (prickröstning): a vote with three
// tables and two phones at one table. The phones at a table share its dots
// live; the results stay on the dashboard until the facilitator shows them,
// then reach the phones and the projector (a ranked list with each answer's
// dots in text). axe finds nothing on the phone, the dashboard and the
// projector in the voting states. With SAMRAD_SHOTS=<folder> the test also
// saves screenshots of the vote at 390×844 and 1920×1080.
import {
  test, expect, readyWorkshop, facilitator, openDashboard, openTable, submitAnswer, answer, expectNoAxeViolations, SENT,
} from './helpers.js';

const A = 'Fler mötesplatser där föreningar och regionen träffas';
const B = 'Långsiktig finansiering i stället för projektpengar';
const C = 'Enklare ansökningar om bidrag';
const BIG = { viewport: { width: 1920, height: 1080 } };

async function shot(page, name) {
  if (process.env.SAMRAD_SHOTS) await page.screenshot({ path: `${process.env.SAMRAD_SHOTS}/${name}.png` });
}

const left = (page, n) => page.locator('#vote-left').filter({ hasText: n === 1 ? '1 prick kvar' : n === 0 ? 'Inga prickar kvar' : `${n} prickar kvar` });
const give = (page, text) => page.getByRole('button', { name: `Ge en prick till: ${text}` });
const take = (page, text) => page.getByRole('button', { name: `Ta bort en prick från: ${text}` });

test('three tables vote with shared dots; the results are hidden until shown', async ({ newContext }) => {
  // Five browsers (four phones, the dashboard and the projector) and six axe runs.
  test.setTimeout(300_000);
  const { page: dash, workshop, codes } = await readyWorkshop(newContext, { tables: 3 });
  // Two phones at table 1 (two people, two devices), one at each other table.
  const one = await openTable(await newContext('phone'), codes[0]);
  const oneB = await openTable(await newContext('phone'), codes[0]);
  const two = await openTable(await newContext('phone'), codes[1]);
  const three = await openTable(await newContext('phone'), codes[2]);
  for (const [phone, text] of [[one, A], [two, B], [three, C]]) {
    await submitAnswer(phone, text);
    await expect(answer(phone, text)).toContainText(SENT);
  }

  await dash.setViewportSize(BIG.viewport);
  await openDashboard(dash, workshop);
  const voteBox = dash.getByRole('region', { name: 'Prioritera (prickröstning)' });
  await expect(voteBox.getByText('Ingen omröstning än.')).toBeVisible();
  await voteBox.getByLabel('Rösta på').selectOption({ label: 'Alla synliga svar' });
  await expect(voteBox.getByLabel('Prickar per bord')).toHaveValue('3');
  await expect(voteBox.getByLabel('Högst prickar på ett svar')).toHaveValue('2');
  await voteBox.getByRole('button', { name: 'Öppna omröstningen' }).click();
  await expect(voteBox.getByText('Omröstningen är öppen', { exact: true })).toBeVisible();
  await expect(voteBox.getByText('Resultatet visas bara här')).toBeVisible();

  // The projector follows the vote, without its results.
  const { page: projector } = await facilitator(newContext, 'laptop');
  await projector.setViewportSize(BIG.viewport);
  await projector.goto(`${workshop.url}/projector`);
  await projector.getByRole('button', { name: 'Prioriteringen' }).click();
  await expect(projector.getByText(/Borden prioriterar/)).toBeVisible();

  // Every phone sees the vote with its table's three dots.
  for (const phone of [one, oneB, two, three]) {
    await expect(phone.getByRole('heading', { name: 'Prioritera: vad är viktigast?' })).toBeVisible();
    await expect(left(phone, 3)).toBeVisible();
  }
  await expectNoAxeViolations(one, 'the phone in voting mode');

  // A dot placed on one phone at table 1 shows on the other at once.
  await give(one, A).click();
  await expect(left(one, 2)).toBeVisible();
  await expect(left(oneB, 2)).toBeVisible();
  await expect(oneB.getByRole('list', { name: 'Svar att prioritera' }).getByRole('listitem').filter({ hasText: A }))
    .toContainText('1 prick');
  // The other phone gives one too, by keyboard.
  await give(oneB, B).focus();
  await oneB.keyboard.press('Enter');
  await expect(left(one, 1)).toBeVisible();
  await expect(left(oneB, 1)).toBeVisible();
  // At most two on one answer: the third is refused on the phone, with a reason.
  await give(one, A).click();
  await expect(left(oneB, 0)).toBeVisible();
  await take(oneB, B).click();
  await expect(left(one, 1)).toBeVisible();
  // A button that cannot act stays in the tab order (aria-disabled) and says why.
  await expect(give(oneB, A)).toHaveAttribute('aria-disabled', 'true');
  await give(oneB, A).focus();
  await oneB.keyboard.press('Enter');
  await expect(oneB.getByText('Ett svar kan få högst 2 prickar från samma bord.')).toBeAttached();
  await give(oneB, C).click();
  await expect(left(one, 0)).toBeVisible();
  // Other tables' dots are their own.
  await give(two, A).click();
  await give(two, B).click();
  await expect(left(two, 1)).toBeVisible();
  await give(three, B).click();
  await expect(left(three, 2)).toBeVisible();
  await expect(left(one, 0)).toBeVisible();
  await shot(one, 'phone-voting-390x844');

  // The dashboard sees the results live; phones and projector do not.
  const results = voteBox.getByRole('table');
  await expect(voteBox.getByText('3 av 3 bord har prickat, 6 prickar')).toBeVisible();
  await expect(results.getByRole('row').nth(1)).toContainText(A);
  await expect(results.getByRole('row').nth(1)).toContainText('3');
  await expectNoAxeViolations(dash, 'the dashboard with an open vote');
  await shot(dash, 'dashboard-open-1920x1080');
  for (const phone of [one, two, three]) await expect(phone.getByRole('heading', { name: 'Resultat' })).toHaveCount(0);
  await expect(projector.getByText('3 av 3 bord har prickat')).toBeVisible();
  await expect(projector.getByText(/\d prickar?$/)).toHaveCount(0);
  await expectNoAxeViolations(projector, 'the projector while the results are hidden');
  await shot(projector, 'projector-hidden-1920x1080');

  // Shown: the ranking reaches the phones and the projector.
  await voteBox.getByRole('button', { name: 'Visa resultatet' }).click();
  await expect(voteBox.getByText('Resultatet visas för alla')).toBeVisible();
  const ranking = projector.getByRole('list').filter({ hasText: A });
  await expect(ranking.getByRole('listitem').first()).toContainText(A);
  await expect(ranking.getByRole('listitem').first()).toContainText('3 prickar');
  await expect(ranking.getByRole('listitem').nth(1)).toContainText(B);
  await expect(ranking.getByRole('listitem').nth(1)).toContainText('2 prickar');
  await expect(ranking.getByRole('listitem').nth(2)).toContainText('1 prick');
  await expectNoAxeViolations(projector, 'the projector showing the results');
  await shot(projector, 'projector-results-1920x1080');
  await expect(two.getByRole('heading', { name: 'Resultat' })).toBeVisible();
  await expect(two.locator('.vote-ranking li').first()).toContainText('3 prickar');

  // Closed: the phones can no longer vote; the results stay.
  await voteBox.getByRole('button', { name: 'Stäng omröstningen' }).click();
  await expect(voteBox.getByText('Omröstningen är stängd', { exact: true })).toBeVisible();
  await expect(two.getByText('Omröstningen är stängd.')).toBeVisible();
  await expect(give(two, C)).toBeHidden();
  await expect(two.getByRole('heading', { name: 'Resultat' })).toBeVisible();
  await expectNoAxeViolations(two, 'the phone showing the results of a closed vote');
  await expectNoAxeViolations(dash, 'the dashboard with a closed vote');
  await shot(two, 'phone-results-390x844');
  await shot(dash, 'dashboard-closed-1920x1080');
  await expect(voteBox.getByRole('button', { name: 'Öppna omröstningen' })).toBeVisible();
  // On a phone the vote's form (a select as wide as its longest question) does not widen the page.
  await dash.setViewportSize({ width: 390, height: 844 });
  expect(await dash.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await voteBox.scrollIntoViewIfNeeded();
  await shot(dash, 'dashboard-closed-390x844');
});
