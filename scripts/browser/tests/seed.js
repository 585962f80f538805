// Large test data sent through the server as phones send it: a websocket
// per table, opened from a page of the test server, with answers written in
// the voice of the Ljungskile tables (the themes-eval tuning sets; never the
// held-out set). Typing a thousand answers would take the test's whole time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes-eval/testdata');

/** Labelled answers of the tuning sets: { text, theme, dup }. */
export function tuningAnswers() {
  return ['tuning.jsonl', 'tuning2.jsonl', 'tuning3.jsonl'].flatMap((f) => readFileSync(path.join(testdata, f), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
}

const tails = ['', ' Det är viktigt för oss.', ' Så ser det ut hos oss.', ' Det har vi sett länge.', ' Tycker hela bordet.'];

/** n answer texts, the tuning sets' over again with different endings. */
export function texts(n) {
  const base = tuningAnswers().map((a) => a.text);
  return Array.from({ length: n }, (_, i) => base[i % base.length] + tails[Math.floor(i / base.length) % tails.length]);
}

/**
 * Sends texts from the tables whose codes are given (round robin) to the
 * first open question, from inside page (any page of the test server), and
 * resolves when every answer is acknowledged. perSecond > 0 spreads them out.
 */
export async function sendAnswers(page, codes, list, perSecond = 0) {
  return page.evaluate(async ({ codes, list, perSecond }) => {
    const open = (code) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/table/${code}?v=2`);
      ws.onerror = () => reject(new Error(`websocket for ${code}`));
      ws.onmessage = (ev) => {
        const msg = JSON.parse(ev.data);
        if (msg.type === 'snapshot') {
          const q = msg.data.questions.filter((x) => x.state === 'open').sort((a, b) => a.position - b.position)[0];
          resolve({ ws, question: q.id });
        }
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
    const acks = [];
    for (let i = 0; i < list.length; i++) {
      const tb = tables[i % tables.length];
      const id = crypto.randomUUID();
      acks.push(new Promise((resolve) => waiting.set(id, resolve)));
      tb.ws.send(JSON.stringify({ type: 'submit', id, question: tb.question, theme: '', text: list[i] }));
      if (perSecond > 0) await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
    const replies = await Promise.all(acks);
    for (const tb of tables) tb.ws.close();
    return replies.filter((r) => r.type !== 'ack').map((r) => r.message);
  }, { codes, list, perSecond });
}
