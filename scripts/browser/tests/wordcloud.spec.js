// Issue 12: a word question ("ord") whose 30 answers are drawn as a word
// cloud on the dashboard and the projector, inflected forms counted
// together; and a workshop made from the built-in Ljungskile template.
// axe finds nothing on any of them.
import {
  test, expect, readyWorkshop, facilitator, openDashboard, openTable, answer, board, card, expectNoAxeViolations, SENT,
} from './helpers.js';

const QUESTION = 'Vad är viktigast i samarbetet? Svara med ett till tre ord.';
// Thirty answers as tables write them: capitals, inflections, a stop word.
const WORDS = [
  'Bemötande', 'bemötandet', 'Bemötande!', 'bemötande', 'Gott bemötande', 'tillit', 'Tillit', 'tilliten',
  'samverkan', 'Samverkan', 'dialog', 'Dialog', 'dialogen', 'att lyssna', 'lyssna', 'Långsiktighet', 'långsiktighet',
  'respekt', 'Respekt', 'förtroende', 'Förtroende', 'förtroendet', 'IOP', 'mötesplatser', 'mötesplats',
  'öppenhet', 'Öppenhet', 'kunskap', 'kunskapen', 'Ekonomi',
];

/** Sends answers to one question through the tables' websockets, as their phones do. */
async function sendWords(page, codes, question, list) {
  return page.evaluate(async ({ codes, question, list }) => {
    const open = (code) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/table/${code}?v=2`);
      ws.onerror = () => reject(new Error(`websocket for ${code}`));
      ws.onmessage = (ev) => {
        const msg = JSON.parse(ev.data);
        if (msg.type === 'snapshot') resolve({ ws, question: msg.data.questions.find((q) => q.text === question).id });
      };
    });
    const tables = await Promise.all(codes.map(open));
    const waiting = new Map();
    for (const tb of tables) {
      tb.ws.onmessage = (ev) => {
        const data = JSON.parse(ev.data);
        for (const msg of Array.isArray(data) ? data : [data]) {
          if ((msg.type === 'ack' || msg.type === 'error') && waiting.has(msg.id)) {
            waiting.get(msg.id)(msg);
            waiting.delete(msg.id);
          }
        }
      };
    }
    const replies = list.map((text, i) => new Promise((resolve) => {
      const tb = tables[i % tables.length];
      const id = crypto.randomUUID();
      waiting.set(id, resolve);
      tb.ws.send(JSON.stringify({ type: 'submit', id, question: tb.question, theme: '', text }));
    }));
    const done = await Promise.all(replies);
    for (const tb of tables) tb.ws.close();
    return done.filter((r) => r.type !== 'ack').map((r) => r.message);
  }, { codes, question, list });
}

test('a word question with 30 answers is drawn as a word cloud, live', async ({ newContext }) => {
  test.slow();
  const { page, workshop, codes } = await readyWorkshop(newContext, { tables: 3 });

  // The facilitator adds a word question on the workshop page and opens it instead of question 1.
  await page.getByLabel('Ny fråga').fill(QUESTION);
  await page.getByRole('radio', { name: 'Ord (ordmoln)' }).check();
  await page.getByRole('button', { name: 'Lägg till fråga' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: QUESTION }).getByText('Ordmoln', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'the workshop page with a word question');
  await page.getByRole('button', { name: 'Stäng Fråga 1', exact: true }).click();
  await page.getByRole('button', { name: 'Öppna Fråga 5', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stäng Fråga 5', exact: true })).toBeVisible();

  // A phone gets a short field with the hint, checks the rule itself, and sends one word.
  const phone = await openTable(await newContext('phone'), codes[0]);
  const asked = phone.getByRole('region', { name: /^Fråga 5/ });
  const field = asked.getByRole('textbox', { name: 'Ert svar' });
  await expect(asked.getByText('Ett till tre ord', { exact: true })).toBeVisible();
  await expect(asked.getByLabel('Tema (valfritt)')).toBeHidden();
  await field.fill('ett gott bemötande från alla');
  await asked.getByRole('button', { name: 'Skicka' }).click();
  await expect(asked.getByText('Skriv ett till tre ord.')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill(WORDS[0]);
  await asked.getByRole('button', { name: 'Skicka' }).click();
  await expect(answer(phone, WORDS[0])).toContainText(SENT);
  await expectNoAxeViolations(phone, 'the phone with a word question');

  // The other 29 arrive while the dashboard watches.
  await openDashboard(page, workshop);
  const clouds = page.getByRole('region', { name: 'Ordmoln' });
  await expect(clouds.getByRole('heading', { name: `Fråga 5: ${QUESTION}` })).toBeVisible();
  expect(await sendWords(page, codes, QUESTION, WORDS.slice(1))).toEqual([]);
  const cloud = clouds.getByRole('list', { name: `Fråga 5: ${QUESTION}` });
  await expect(clouds.getByText('30 svar, störst ord först')).toBeVisible();
  // Inflected forms count together, shown as they are written most often, largest first.
  await expect(cloud.getByRole('listitem').first()).toHaveText('bemötande (4)');
  await expect(cloud.getByRole('listitem').filter({ hasText: /^förtroende / })).toHaveText('förtroende (3)');
  await expect(cloud.getByRole('listitem').filter({ hasText: /^lyssna / })).toHaveText('lyssna (2)');
  await expect(cloud.getByRole('listitem').filter({ hasText: /^IOP / })).toHaveText('IOP (1)');
  await expect(cloud.locator('li.w4').first()).toHaveText('bemötande (4)');
  await expectNoAxeViolations(page, 'the dashboard with a word cloud');

  // Hiding an answer takes its word out of the cloud.
  const ekonomi = card(board(page), 'Ekonomi');
  await ekonomi.getByText('Åtgärder', { exact: true }).click();
  await ekonomi.getByRole('button', { name: 'Dölj' }).click();
  await expect(cloud.getByRole('listitem').filter({ hasText: /^ekonomi / })).toHaveCount(0);
  await expect(clouds.getByText('29 svar, störst ord först')).toBeVisible();

  // The projector has a slide for the word question, after the themes.
  await page.goto(`${workshop.url}/projector`);
  await page.getByLabel('Gå till').selectOption({ label: `Ordmoln: ${QUESTION}` });
  await expect(page.getByRole('heading', { level: 1, name: QUESTION })).toBeVisible();
  const slide = page.getByRole('list', { name: QUESTION });
  await expect(slide.getByRole('listitem').first()).toHaveText('bemötande (4)');
  await expect(page.getByText('29 svar', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'the projector showing a word cloud');
});

test('a workshop made from the Ljungskile template has its questions, themes and tables', async ({ newContext }) => {
  const { page } = await facilitator(newContext, 'laptop');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Skapa workshop' }).click();
  const templates = page.getByRole('region', { name: 'Ny workshop från mall' });
  await expect(templates.getByText('4 frågor · 6 teman · 20 bord · följer med Samråd')).toBeVisible();
  await expectNoAxeViolations(page, 'the new-workshop page with templates');
  await templates.getByRole('link', { name: 'Använd mallen Konferensen i Ljungskile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny workshop från mall' })).toBeVisible();
  await expectNoAxeViolations(page, 'the new workshop from a template page');
  const name = `Ljungskile ${Date.now().toString(36)}`;
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Datum').fill('2026-09-17');
  await page.getByLabel('Plats').fill('Ljungskile folkhögskola');
  await page.getByRole('button', { name: 'Skapa workshop från mallen' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const questions = page.getByRole('region', { name: 'Frågor', exact: true });
  await expect(questions.getByText('Vad ser ni för möjligheter i er nämnd/styrelse att arbeta tillsammans med social ekonomi?').first()).toBeVisible();
  await expect(questions.getByText('Utmaningar?').first()).toBeVisible();
  const themes = page.getByRole('region', { name: 'Teman', exact: true });
  for (const theme of ['Hälso- och sjukvård', 'Tandvård', 'Habilitering', 'Kollektivtrafik', 'Kultur', 'Utbildning']) {
    await expect(themes.getByText(theme, { exact: true }).first()).toBeVisible();
  }
  await expect(themes.getByText(/nyckelord/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bord' }).getByRole('row')).toHaveCount(21);
  await expectNoAxeViolations(page, 'a workshop made from the Ljungskile template');

  // Saved again as a template of one's own, it is listed with the built-in one.
  await page.getByLabel('Mallens namn').fill(`${name} (mall)`);
  await page.getByRole('button', { name: 'Spara som mall' }).click();
  await expect(page.getByRole('status')).toHaveText('Mallen är sparad. Du hittar den under Mallar.');
  await page.goto('/admin/templates');
  await expect(page.getByRole('heading', { name: `${name} (mall)` })).toBeVisible();
  await expectNoAxeViolations(page, 'the templates page');
  await page.getByRole('button', { name: `Ta bort mallen ${name} (mall)` }).click();
  await expect(page.getByRole('status')).toHaveText('Mallen är borttagen.');
});
