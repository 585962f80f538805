// The participant's page: one table, on a phone. Shows the open questions,
// takes answers into the outbox, sends them when the line is up, and shows
// everything the table has written, live, from all its phones.
import { LiveSocket } from '../common/socket.js';
import { t, clock } from '../common/i18n.js';
import { uuidv7 } from '../common/uuid.js';
import { Outbox } from './outbox.js';
import { el, Announcer } from '../common/dom.js';

const MAX_CHARS = 2000;

const app = document.getElementById('app');
const code = app.dataset.code;
const outbox = new Outbox(code);
const inflight = new Set();
const state = { workshop: null, questions: new Map(), themes: [], inputs: new Map() };
const sections = new Map();

// Screen readers hear short status lines, not every change on the page.
const announcer = new Announcer(document.getElementById('announcer'));
const announce = (text) => announcer.say(text);

const charCount = (s) => [...s.normalize('NFC')].length;

const draftKey = (qid) => `samrad:draft:${code}:${qid}`;
function saveDraft(qid, text) {
  try {
    if (text) localStorage.setItem(draftKey(qid), text);
    else localStorage.removeItem(draftKey(qid));
  } catch { /* storage unavailable: the text is still on screen */ }
}
const loadDraft = (qid) => {
  try { return localStorage.getItem(draftKey(qid)) || ''; } catch { return ''; }
};

function section(q) {
  let s = sections.get(q.id);
  if (s) return s;
  const hid = `q-${q.id}`;
  const textarea = el('textarea', { id: `${hid}-text`, name: 'text', rows: '4', maxlength: String(MAX_CHARS * 2),
    'aria-describedby': `${hid}-hint ${hid}-err` });
  textarea.value = loadDraft(q.id);
  const counter = el('span', { class: 'counter', 'aria-hidden': 'true' });
  const error = el('p', { class: 'field-error', id: `${hid}-err` });
  const select = el('select', { id: `${hid}-theme`, name: 'theme' });
  const button = el('button', { type: 'submit', class: 'primary', text: t('phone.send') });
  const closedNote = el('p', { class: 'closed-note', text: t('phone.question_closed_note') });
  const form = el('form', { class: 'answer', novalidate: '' },
    el('label', { for: textarea.id, text: t('phone.answer_label') }),
    el('p', { class: 'hint', id: `${hid}-hint`, text: t('phone.answer_hint', { max: MAX_CHARS }) }),
    error, textarea, counter,
    el('label', { for: select.id, text: t('phone.theme_label') }), select,
    closedNote, button);
  const count = el('span', { class: 'count' });
  const list = el('ul', { class: 'inputs', 'aria-labelledby': `${hid}-answers` });
  const heading = el('h2', { id: hid });
  const root = el('section', { class: 'question', 'aria-labelledby': hid }, heading, form,
    el('h3', { id: `${hid}-answers` }, t('phone.table_answers'), ' ', count), list);
  s = { root, heading, form, textarea, select, counter, error, button, closedNote, list, count };
  textarea.addEventListener('input', () => {
    saveDraft(q.id, textarea.value);
    updateCounter(s);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit(q.id, s);
  });
  sections.set(q.id, s);
  updateCounter(s);
  return s;
}

function updateCounter(s) {
  const left = MAX_CHARS - charCount(s.textarea.value);
  s.counter.textContent = t('phone.chars_left', { n: left });
  s.counter.classList.toggle('over', left < 0);
}

function fieldError(s, message) {
  s.error.textContent = message;
  s.textarea.setAttribute('aria-invalid', message ? 'true' : 'false');
  if (message) s.textarea.focus();
}

function submit(qid, s) {
  const text = s.textarea.value.trim();
  if (!text) return fieldError(s, t('phone.error_empty'));
  if (charCount(text) > MAX_CHARS) return fieldError(s, t('phone.error_too_long', { max: MAX_CHARS }));
  fieldError(s, '');
  outbox.add({ id: uuidv7(), question: qid, theme: s.select.value, text, created: new Date().toISOString() });
  s.textarea.value = '';
  s.select.value = '';
  saveDraft(qid, '');
  updateCounter(s);
  renderInputs(qid);
  announce(socket.ready ? t('phone.sending') : t('phone.saved_offline'));
  flush();
}

function fillThemes(s) {
  const chosen = s.select.value;
  s.select.replaceChildren(el('option', { value: '', text: t('phone.theme_none') }));
  for (const th of state.themes) {
    if (!th.parking) s.select.append(el('option', { value: th.id, text: th.name }));
  }
  s.select.value = [...s.select.options].some((o) => o.value === chosen) ? chosen : '';
}

function renderQuestion(q) {
  const s = section(q);
  const open = q.state === 'open' && state.workshop?.state === 'open';
  s.heading.replaceChildren(el('span', { class: 'qnum', text: t('phone.question_n', { n: q.position }) }), ' ', q.text);
  const hasDraft = s.textarea.value.trim() !== '';
  s.form.hidden = !open && !hasDraft;
  s.textarea.readOnly = !open;
  s.select.disabled = !open;
  s.button.disabled = !open;
  s.closedNote.hidden = open;
  fillThemes(s);
  renderInputs(q.id);
}

function renderInputs(qid) {
  const s = sections.get(qid);
  if (!s) return;
  const stored = [...state.inputs.values()].filter((i) => i.question === qid)
    .sort((a, b) => a.created.localeCompare(b.created));
  const pending = outbox.items.filter((i) => i.question === qid && !state.inputs.has(i.id));
  s.count.textContent = `(${stored.length + pending.length})`;
  const items = stored.map((i) => el('li', { class: 'input sent' },
    el('p', { class: 'text', text: i.text }),
    el('p', { class: 'meta' }, el('span', { class: 'status', text: t('phone.status_sent') }), ' ', clock(i.created))));
  for (const i of pending) {
    const failed = i.state === 'failed';
    const li = el('li', { class: `input ${failed ? 'failed' : 'waiting'}` },
      el('p', { class: 'text', text: i.text }),
      el('p', { class: 'meta' }, el('span', { class: 'status', text: failed ? t('phone.status_failed') : t('phone.status_waiting') })));
    if (failed) {
      li.append(el('p', { class: 'field-error', text: i.error || '' }),
        el('button', { type: 'button', class: 'secondary', text: t('phone.remove_failed'),
          onclick: () => { outbox.remove(i.id); renderInputs(qid); } }));
    }
    items.push(li);
  }
  s.list.replaceChildren(...items);
}

function place() {
  const qs = [...state.questions.values()].sort((a, b) => a.position - b.position);
  const open = [];
  const earlier = [];
  for (const q of qs) {
    if (q.state === 'pending') {
      sections.get(q.id)?.root.remove();
      continue;
    }
    renderQuestion(q);
    (q.state === 'open' && state.workshop?.state === 'open' ? open : earlier).push(sections.get(q.id).root);
  }
  document.getElementById('questions').replaceChildren(...open);
  document.getElementById('earlier-list').replaceChildren(...earlier);
  document.getElementById('earlier').hidden = earlier.length === 0;
  const notice = document.getElementById('notice');
  const ws = state.workshop?.state;
  const text = ws === 'draft' ? t('phone.not_started')
    : ws === 'closed' ? t('phone.workshop_closed')
      : open.length === 0 ? t('phone.no_open_questions') : '';
  notice.textContent = text;
  notice.hidden = !text;
}

// The last snapshot is kept so that a reload without a connection still
// shows the questions and takes answers.
const snapKey = `samrad:snapshot:${code}`;
function keepSnapshot() {
  try {
    localStorage.setItem(snapKey, JSON.stringify({
      workshop: state.workshop, table: { name: document.getElementById('table-name').textContent },
      questions: [...state.questions.values()], themes: state.themes, inputs: [...state.inputs.values()],
    }));
  } catch { /* storage unavailable: the page works while it stays open */ }
}

function restoreSnapshot() {
  try {
    const d = JSON.parse(localStorage.getItem(snapKey) || 'null');
    if (d) applySnapshot(d);
  } catch { /* a damaged copy is ignored; the server sends a fresh one */ }
}

function applySnapshot(d) {
  state.workshop = d.workshop;
  state.questions = new Map(d.questions.map((q) => [q.id, q]));
  state.themes = d.themes;
  state.inputs = new Map(d.inputs.map((i) => [i.id, i]));
  document.getElementById('table-name').textContent = d.table.name;
  // Anything the snapshot holds was stored; stop resending it.
  for (const item of [...outbox.items]) if (state.inputs.has(item.id)) outbox.done(item.id);
  place();
}

function setConnection(stateName) {
  const conn = document.getElementById('conn');
  conn.dataset.state = stateName;
  document.getElementById('conn-text').textContent = t(`live.${stateName}`);
}

function flush() {
  for (const item of outbox.waiting()) {
    if (inflight.has(item.id)) continue;
    const sent = socket.send({ type: 'submit', id: item.id, question: item.question, theme: item.theme || '', text: item.text });
    if (!sent) return;
    inflight.add(item.id);
  }
}

function stored(input) {
  state.inputs.set(input.id, input);
  if (outbox.get(input.id)) outbox.done(input.id);
  renderInputs(input.question);
}

function handle(msg) {
  receive(msg);
  if (msg.type !== 'ping' && msg.type !== 'pong' && msg.type !== 'error') keepSnapshot();
}

function receive(msg) {
  switch (msg.type) {
    case 'snapshot':
      applySnapshot(msg.data);
      break;
    case 'resume':
      break;
    case 'input':
      stored(msg.data);
      break;
    case 'question':
      state.questions.set(msg.data.id, msg.data);
      place();
      break;
    case 'theme':
      state.themes = state.themes.filter((th) => th.id !== msg.data.id).concat(msg.data)
        .sort((a, b) => a.position - b.position);
      place();
      break;
    case 'theme_removed':
      state.themes = state.themes.filter((th) => th.id !== msg.data.id);
      place();
      break;
    case 'workshop':
      state.workshop = msg.data;
      place();
      break;
    case 'table':
      document.getElementById('table-name').textContent = msg.data.name;
      break;
    case 'ack': {
      inflight.delete(msg.id);
      const item = outbox.get(msg.id);
      if (item && !state.inputs.has(msg.id)) {
        state.inputs.set(msg.id, { id: item.id, question: item.question, text: item.text, created: item.created });
      }
      if (item) {
        outbox.done(msg.id);
        renderInputs(item.question);
        announce(t('phone.sent'));
      }
      break;
    }
    case 'error':
      if (msg.id) {
        inflight.delete(msg.id);
        const item = outbox.get(msg.id);
        if (!item) break;
        if (msg.retry) {
          setTimeout(flush, 2000 + Math.random() * 3000);
        } else {
          outbox.fail(msg.id, msg.message);
          renderInputs(item.question);
          announce(msg.message);
        }
      } else {
        announce(msg.message);
      }
      break;
    default:
      break;
  }
}

const socket = new LiveSocket(`/ws/table/${encodeURIComponent(code)}`, {
  onMessage: handle,
  onState: (s) => {
    if (s !== 'open') inflight.clear();
    setConnection(s);
  },
  onOpen: flush,
});
restoreSnapshot();
socket.start();
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({
      keep: [location.pathname, ...performance.getEntriesByType('resource').map((e) => e.name)],
    }))
    .catch(() => { /* works without it, only not offline-reloadable */ });
}
