// The participant's page: one table, on a phone. Shows the open questions,
// takes answers into the outbox, sends them when the line is up, and shows
// everything the table has written, live, from all its phones. It keeps the
// table's state and its place in the change stream in localStorage, so a
// reload (even offline) shows the questions at once and then resumes.
import { LiveSocket } from '../common/socket.js';
import { Outbox } from '../common/outbox.js';
import { WorkshopModel } from '../common/model.js';
import { connectionIndicator } from '../common/connection.js';
import { t } from '../common/i18n.js';
import { uuidv7 } from '../common/uuid.js';
import { el, Announcer } from '../common/dom.js';
import { forWords, wordsError } from './words.js';
import { answerItems, changeUntil, focusIn } from './answers.js';
import { Countdown } from '../common/timebox.js';
import { showRound } from './round.js';

const MAX_CHARS = 2000;

const app = document.getElementById('app');
const code = app.dataset.code;
const model = new WorkshopModel();
const sections = new Map();
// Corrections and withdrawals: the window the server allows, this phone's
// clock against the server's (from its acknowledgements), and which answer
// has its edit form or withdrawal question open.
const changeWindowMs = Number(app.dataset.changeMinutes || 0) * 60000;
let skewMs = 0;
const editing = new Map();

// Screen readers hear short status lines, not every change on the page.
const announcer = new Announcer(document.getElementById('announcer'));
const announce = (text) => announcer.say(text);
const countdown = new Countdown(document.getElementById('timebox'), announce);

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
  if (q.kind === 'ord') forWords(s);
  s.textarea.addEventListener('input', () => {
    saveDraft(q.id, s.textarea.value);
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
  if (s.words && wordsError(text)) return fieldError(s, wordsError(text));
  fieldError(s, '');
  const id = uuidv7();
  outbox.put(id, { type: 'submit', id, question: qid, theme: s.select.value, text }, { created: new Date().toISOString() });
  s.textarea.value = '';
  s.select.value = '';
  saveDraft(qid, '');
  updateCounter(s);
  renderInputs(qid);
  // The new answer is at the top of the list: bring it into view.
  s.list.firstElementChild?.scrollIntoView({ block: 'nearest' });
  announce(socket.ready ? t('phone.sending') : t('phone.saved_offline'));
}

function fillThemes(s) {
  const chosen = s.select.value;
  s.select.replaceChildren(el('option', { value: '', text: t('phone.theme_none') }));
  for (const th of model.themes) {
    if (!th.parking) s.select.append(el('option', { value: th.id, text: th.name }));
  }
  s.select.value = [...s.select.options].some((o) => o.value === chosen) ? chosen : '';
}

const isOpen = (q) => q.state === 'open' && model.workshop?.state === 'open';

function renderQuestion(q) {
  const s = section(q);
  const open = isOpen(q);
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
  const items = answerItems(qid, {
    model, outbox, editing, windowMs: changeWindowMs, skewMs: () => skewMs,
    themes: new Map(model.themes.map((th) => [th.id, th.name])),
    open: model.workshop?.state === 'open',
    online: () => socket.ready,
    rerender: () => renderInputs(qid),
    send: (key, msg) => {
      outbox.put(key, { ...msg, req: uuidv7() }, { created: new Date().toISOString() });
      renderInputs(qid);
      focusIn(msg.item, '.text');
      announce(socket.ready ? t('phone.sending') : t('phone.saved_offline'));
    },
  });
  s.count.textContent = `(${items.length})`;
  // A redraw keeps the focus where it was (the controls have stable ids).
  const focused = s.list.contains(document.activeElement) && document.activeElement.id;
  const selection = focused && document.activeElement.selectionStart;
  s.list.replaceChildren(...items);
  const again = focused && document.getElementById(focused);
  if (again) {
    again.focus();
    if (typeof selection === 'number') again.setSelectionRange(selection, selection);
  }
  scheduleExpiry();
}

// When an answer's window closes, its buttons go.
let expiryTimer = null;
function scheduleExpiry() {
  clearTimeout(expiryTimer);
  const now = Date.now();
  const next = Math.min(...[...model.items.values()].map((i) => changeUntil(i, { windowMs: changeWindowMs, skewMs: () => skewMs }))
    .filter((u) => u > now));
  if (Number.isFinite(next)) expiryTimer = setTimeout(place, next - now + 500);
}

// The question an outbox entry belongs to: an answer's own, or that of the
// answer a correction or withdrawal is about.
const questionOf = (entry) => entry.msg.question || model.items.get(entry.msg.item)?.question;

function place() {
  const open = [];
  const earlier = [];
  for (const q of model.sortedQuestions()) {
    if (q.state === 'pending') {
      sections.get(q.id)?.root.remove();
      continue;
    }
    renderQuestion(q);
    (isOpen(q) ? open : earlier).push(sections.get(q.id).root);
  }
  document.getElementById('questions').replaceChildren(...open);
  document.getElementById('earlier-list').replaceChildren(...earlier);
  document.getElementById('earlier').hidden = earlier.length === 0;
  if (model.table) document.getElementById('table-name').textContent = model.table.name;
  const notice = document.getElementById('notice');
  const ws = model.workshop?.state;
  const text = ws === 'draft' ? t('phone.not_started')
    : ws === 'closed' ? t('phone.workshop_closed')
      : open.length === 0 ? t('phone.no_open_questions') : '';
  notice.textContent = text;
  notice.hidden = !text;
}

// The table's state is kept with its place in the change stream, so that a
// reload without a connection still shows the questions and takes answers,
// and a reload with one resumes rather than starts over.
const keptKey = `samrad:table:${code}`;
function keep() {
  try {
    localStorage.setItem(keptKey, JSON.stringify({ cursor: socket.cursor, state: model.toSnapshot() }));
  } catch { /* storage unavailable: the page works while it stays open */ }
}

function restore() {
  localStorage.removeItem(`samrad:snapshot:${code}`); // kept by the page's earlier version, without a cursor
  try {
    const kept = JSON.parse(localStorage.getItem(keptKey) || 'null');
    if (kept?.state?.workshop) {
      model.apply({ type: 'snapshot', data: kept.state });
      return kept.cursor;
    }
  } catch { /* a damaged copy is ignored; the server sends a fresh one */ }
  return null;
}

function render() {
  // Anything the table holds was stored: stop resending it.
  // A correction of an answer the table has withdrawn meanwhile is moot.
  for (const item of [...outbox.entries()]) {
    if (model.items.has(item.key) || model.items.get(item.msg.item)?.withdrawn) outbox.remove(item.key);
  }
  place();
  showRound(document.getElementById('round'), model.table, model.themes, announce);
  renderVote();
}

// Answers kept by the page before its outbox took this shape go out too.
const upgrade = (raw) => (raw?.id && raw.text
  ? { key: raw.id, msg: { type: 'submit', id: raw.id, question: raw.question, theme: raw.theme || '', text: raw.text },
    created: raw.created, state: raw.state === 'failed' ? 'failed' : 'waiting', error: raw.error, v: 1 }
  : null);

const outbox = new Outbox(`samrad:outbox:${code}`, {
  upgrade,
  onDone: (item, ack) => {
    // The phone that sent it gets the reply, not the change.
    if (item.msg.type !== 'submit') {
      if (ack.data) model.items.set(ack.data.id, ack.data);
      keep();
      renderInputs(questionOf(item));
      announce(t(item.msg.type === 'withdraw' ? 'phone.withdrawn' : 'phone.changed'));
      return;
    }
    if (ack.data?.created && !ack.duplicate) skewMs = Date.now() - Date.parse(ack.data.created);
    if (!model.items.has(item.key)) model.items.set(item.key, ack.data || { id: item.key, question: item.msg.question, text: item.msg.text, created: item.created });
    keep();
    renderInputs(item.msg.question);
    announce(t('phone.sent'));
  },
  onFailed: (item) => {
    renderInputs(questionOf(item));
    announce(item.error);
  },
});

// Voting's code and styles load once the workshop holds a vote: most tables
// never vote, and every byte of the first load counts on conference Wi-Fi.
let vote = null;
let voteLoading = false;
function renderVote() {
  if (vote) {
    vote.render();
    return;
  }
  if (voteLoading || !model.votes.current()) return;
  voteLoading = true;
  document.head.append(el('link', { rel: 'stylesheet', href: '/static/css/votes.css' }));
  import('./vote.js').then(({ PhoneVote }) => {
    vote = new PhoneVote(document.getElementById('vote'), {
      model, get socket() { return socket; }, table: () => model.table?.id, announce, keep: () => keep(),
    });
    vote.render();
  }, () => { voteLoading = false; });
}

const socket = new LiveSocket(`/ws/table/${encodeURIComponent(code)}`, {
  onSnapshot: (msg) => {
    countdown.seen(msg);
    model.apply(msg);
    render();
  },
  onChange: (msg) => {
    countdown.seen(msg);
    if (model.apply(msg)) render();
    keep();
  },
  onResume: (msg) => countdown.seen(msg),
  onOpen: () => {
    keep();
    outbox.flush();
  },
  onState: connectionIndicator(),
  onNotice: announce,
}, restore());
outbox.attach(socket);
// The kept questions count down once the server has told its clock.
if (model.workshop) countdown.seen({ type: 'snapshot', data: model.toSnapshot() });
if (model.workshop) render();
socket.start();
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => reg.active?.postMessage({
      keep: [location.pathname, ...performance.getEntriesByType('resource').map((e) => e.name)],
    }))
    .catch(() => { /* works without it, only not offline-reloadable */ });
}
