// The outbox: answers written without a connection wait on the phone, survive
// a reload made while still offline (the service worker serves the cached
// page), and arrive exactly once when the connection is back.
import {
  test, expect, baseURL, readyWorkshop, openDashboard, openTable, submitAnswer, answer, answers, board, card,
  column, columnCount, SENT, WAITING,
} from './helpers.js';

test('answers written offline survive an offline reload and arrive exactly once', async ({ newContext }) => {
  const { context: facilitatorContext, page: dashboard, workshop, codes } = await readyWorkshop(newContext);
  await openDashboard(dashboard, workshop);

  const phoneContext = await newContext('phone');
  const phone = await openTable(phoneContext, codes[0]);
  // Ready for a reload without network once the service worker keeps the page.
  await expect.poll(() => phone.evaluate(async () => Boolean(await caches.match(location.href))),
    { message: 'the service worker has cached the table page' }).toBe(true);

  await phoneContext.setOffline(true);
  await expect(phone.getByText('Ingen anslutning – försöker igen')).toBeVisible();
  const texts = [
    'Offline 1: Kulturföreningarna når grupper som regionen inte når.',
    'Offline 2: Kortare handläggningstider för bidrag.',
    'Offline 3: En gemensam kontaktperson i regionen.',
  ];
  for (const text of texts) {
    await submitAnswer(phone, text);
    await expect(answer(phone, text)).toContainText(WAITING);
  }
  await expect(answers(phone).getByRole('listitem')).toHaveCount(3);

  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, name: 'Bord 1' })).toBeVisible();
  await expect(phone.getByText('Ingen anslutning – försöker igen')).toBeVisible();
  for (const text of texts) await expect(answer(phone, text)).toContainText(WAITING);
  await expect(answers(phone).getByRole('listitem')).toHaveCount(3);
  // Nothing has reached the server yet.
  await expect(dashboard.getByText('0 svar visas av 0.')).toBeVisible();

  await phoneContext.setOffline(false);
  await expect(phone.getByText('Ansluten', { exact: true })).toBeVisible();
  for (const text of texts) await expect(answer(phone, text)).toContainText(SENT);
  await expect(answers(phone).getByRole('listitem')).toHaveCount(3);

  const parking = column(dashboard, 'Övrigt / ej sorterat');
  for (const text of texts) await expect(card(board(dashboard), text)).toHaveCount(1);
  await expect(parking.getByRole('listitem')).toHaveCount(3);
  await expect(columnCount(dashboard, 'Övrigt / ej sorterat')).toHaveText('3 svar');
  await expect(dashboard.getByText('3 svar visas av 3.')).toBeVisible();

  // A second load of the page (now online) sends nothing again.
  await phone.reload();
  await expect(phone.getByText('Ansluten', { exact: true })).toBeVisible();
  await expect(answers(phone).getByRole('listitem')).toHaveCount(3);

  const res = await facilitatorContext.request.get(`${baseURL()}${workshop.url}/export.json`);
  expect(res.status()).toBe(200);
  const exported = await res.json();
  expect(exported.inputs.map((i) => i.text).sort()).toEqual([...texts].sort());
  expect(new Set(exported.inputs.map((i) => i.id)).size).toBe(3);
  await expect(dashboard.getByText('3 svar visas av 3.')).toBeVisible();
});
