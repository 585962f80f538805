// What participants write is shown as text everywhere, never run as markup;
// the participant's page reflows to 320 px without sideways scrolling (WCAG 1.4.10).
import {
  test, expect, readyWorkshop, openDashboard, openTable, submitAnswer, answer, board, card, column, SENT,
} from './helpers.js';

test('markup in an answer is shown literally on the phone, the dashboard and the projector', async ({ newContext }) => {
  const { page: dashboard, workshop, codes } = await readyWorkshop(newContext);
  await openDashboard(dashboard, workshop);
  const phone = await openTable(await newContext('phone'), codes[0]);
  const script = '<script>alert("skript")</script> Text efter skriptet';
  const image = '<img src=x onerror="alert(\'bild\')"> <b>inte fetstil</b>';
  await submitAnswer(phone, script, 'Mångfald');
  await submitAnswer(phone, image, 'Mångfald');
  await expect(answer(phone, script)).toContainText(SENT);
  await expect(answer(phone, image)).toContainText(SENT);

  const mangfald = column(dashboard, 'Mångfald');
  await expect(card(mangfald, script)).toBeVisible();
  await expect(card(mangfald, image)).toBeVisible();
  // Had the text been parsed as HTML there would be an image and bold text.
  await expect(board(dashboard).locator('img, b, script')).toHaveCount(0);
  await expect(phone.locator('main img, main b')).toHaveCount(0);

  // A facilitator's correction is text too.
  const fixed = '<i>rättad</i> <img src=y onerror="alert(\'rättning\')">';
  const item = card(mangfald, image);
  await item.getByText('Åtgärder', { exact: true }).click();
  // Nothing to restore before a correction.
  await expect(item.getByRole('button', { name: 'Återställ originalet' })).toBeHidden();
  await item.getByLabel('Rättad text').fill(fixed);
  await item.getByRole('button', { name: 'Spara rättning' }).click();
  const corrected = card(mangfald, fixed);
  await expect(corrected).toBeVisible();
  await expect(corrected.getByText(`Original: ${image}`, { exact: true })).toBeVisible();
  await expect(corrected.getByText('Rättad', { exact: true })).toBeVisible();
  await expect(corrected.getByRole('button', { name: 'Återställ originalet' })).toBeVisible();
  await expect(board(dashboard).locator('img, i, b, script')).toHaveCount(0);

  const projector = dashboard;
  await projector.goto(`${workshop.url}/projector`);
  await expect(projector.getByText('Ansluten', { exact: true })).toBeVisible();
  await projector.getByLabel('Gå till').selectOption({ label: 'Mångfald' });
  await expect(projector.getByRole('heading', { level: 1, name: 'Mångfald' })).toBeVisible();
  await expect(projector.getByText(script, { exact: true })).toBeVisible();
  await expect(projector.getByText(fixed, { exact: true })).toBeVisible();
  await expect(projector.getByText('2 svar', { exact: true })).toBeVisible();
  await expect(projector.locator('#slide').locator('img, i, b, script')).toHaveCount(0);
  // No dialog opened anywhere: the newContext fixture fails the test on any.
});

test('the participant\'s page reflows to 320 px without sideways scrolling', async ({ newContext }) => {
  const { codes } = await readyWorkshop(newContext);
  const phone = await openTable(await newContext('phone', { viewport: { width: 320, height: 640 } }), codes[0]);
  const long = `Se https://www.vgregion.se/${'överenskommelsen-med-den-sociala-ekonomin-'.repeat(3)}slut och Bidragsansökningshandläggningsprocessförbättringsförslag.`;
  await submitAnswer(phone, long, 'Självständighet och oberoende');
  await expect(answer(phone, long)).toContainText(SENT);
  await phone.getByText('Om era uppgifter').click();
  await expect(phone.getByText(/Svaren sparas utan namn/)).toBeVisible();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'page width at a 320 px viewport').toBeLessThanOrEqual(320);
  // Everything the participant needs is still inside the viewport's width.
  for (const target of [phone.getByLabel('Ert svar'), phone.getByLabel('Tema (valfritt)'), phone.getByRole('button', { name: 'Skicka' }), answer(phone, long)]) {
    const box = await target.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
});
