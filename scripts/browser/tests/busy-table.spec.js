// The phone page at a busy table: while 30 other sockets of the same table
// send at the same moment, every answer the page sends ends "Skickat" and
// leaves its outbox. The page once dropped acknowledgements that arrived
// after other phones' (higher-numbered) answers and left them "Väntar" until
// a reload.
import { test, expect, readyWorkshop, openTable, answer, SENT } from './helpers.js';

test('at a table where 30 other phones send at once, every answer of the page ends "Skickat"', async ({ newContext }) => {
  const { codes } = await readyWorkshop(newContext);
  const phone = await openTable(await newContext('phone'), codes[0]);
  const texts = Array.from({ length: 15 }, (_, i) => `Sidans svar nummer ${i + 1}: fler mötesplatser.`);

  // The crowd: 30 more sockets of the same table, opened from the page
  // itself so that they and the page start sending in the same instant.
  await phone.evaluate(async (code) => {
    const open = () => new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${location.host}/ws/table/${code}?v=2`);
      ws.onmessage = (ev) => {
        const msg = JSON.parse(ev.data);
        if (msg.type === 'snapshot') resolve({ ws, question: msg.data.questions.find((q) => q.state === 'open').id });
      };
      ws.onerror = reject;
    });
    window.crowd = await Promise.all(Array.from({ length: 30 }, open));
  }, codes[0]);
  await phone.evaluate((answers) => {
    for (const [i, { ws, question }] of window.crowd.entries()) {
      for (let j = 0; j < 5; j++) {
        ws.send(JSON.stringify({ type: 'submit', id: crypto.randomUUID(), question, theme: '', text: `Samma bords telefon ${i} svar ${j}` }));
      }
    }
    // The page's own answers, sent through its form as a person would, all at once.
    const form = document.querySelector('form.answer');
    for (const text of answers) {
      form.querySelector('textarea').value = text;
      form.requestSubmit();
    }
  }, texts);
  for (const text of texts) {
    await expect(answer(phone, text)).toContainText(SENT);
  }
  const waiting = await phone.evaluate(() => JSON.parse(localStorage.getItem(
    Object.keys(localStorage).find((k) => k.startsWith('samrad:outbox:')) || 'x') || '[]'));
  expect(waiting, 'answers still in the outbox').toEqual([]);
});
