// The facilitator's live dashboard: every input in columns by theme, with
// moderation (move by drag and drop or keyboard, hide, highlight, correct,
// merge), filters, counts, a table × question grid, and a pause control.
import { LiveSocket } from '../common/socket.js';
import { WorkshopModel } from '../common/model.js';
import { connectionIndicator } from '../common/connection.js';
import { t, clock } from '../common/i18n.js';
import { el, Announcer } from '../common/dom.js';
import { Card } from './card.js';

const root = document.getElementById('dashboard');
const workshopId = root.dataset.workshop;
const model = new WorkshopModel();
const cards = new Map();
const columns = new Map();
const selected = new Set();
const filters = { question: '', table: '', showHidden: false };
const announcer = new Announcer(document.getElementById('announcer'), 8000);
const actionsAnnouncer = new Announcer(document.getElementById('announcer'));

// While paused, changes wait here instead of moving things on screen (WCAG 2.2.2).
let paused = false;
let buffered = [];
let newSinceAnnounce = 0;

const socket = new LiveSocket(`/ws/workshop/${workshopId}`, {
  onSnapshot: receive,
  onChange: receive,
  onState: connectionIndicator(),
  onNotice: (text) => actionsAnnouncer.say(text),
});

function receive(msg) {
  // A snapshot holds everything: changes held back by the pause are older.
  if (msg.type === 'snapshot') buffered = [];
  if (msg.type === 'input' && !model.items.has(msg.data.id)) newSinceAnnounce++;
  if (paused && msg.type !== 'snapshot') {
    buffered.push(msg);
    showPending();
    return;
  }
  if (model.apply(msg)) scheduleRender();
  if (newSinceAnnounce > 0 && msg.type !== 'snapshot') {
    announcer.say(t('dash.new_inputs', { n: newSinceAnnounce }));
    newSinceAnnounce = 0;
  }
  if (msg.type === 'snapshot') newSinceAnnounce = 0;
}

function applyBuffered() {
  for (const m of buffered) model.apply(m);
  buffered = [];
  showPending();
  scheduleRender();
}

function showPending() {
  const p = document.getElementById('pending');
  p.hidden = !paused || buffered.length === 0;
  p.textContent = t('dash.paused_pending', { n: buffered.length });
}

/** Sends a command; onDone runs once the server has committed it. */
export function command(msg, onDone) {
  socket.request(msg).then(() => {
    // Your own action should show even while paused.
    if (paused) applyBuffered();
    onDone?.();
  }, (err) => actionsAnnouncer.say(err.disconnected ? t('live.offline') : err.message));
}

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

const actions = {
  readOnly: root.dataset.readonly === 'true',
  move: (item, themeId) => command({ type: 'moderate', item: item.id, action: 'move', theme: themeId }, () => {
    const theme = model.themes.find((th) => th.id === themeId);
    actionsAnnouncer.say(t('dash.moved', { theme: theme?.name ?? '' }));
  }),
  moderate: (item, action, extra = {}) => command({ type: 'moderate', item: item.id, action, ...extra },
    () => actionsAnnouncer.say(t('dash.done'))),
  toggleSelect: (item, on) => {
    if (on) selected.add(item.id);
    else selected.delete(item.id);
    renderMergeBar();
  },
};

function visible(item) {
  if (item.mergedInto) return false;
  if (item.hidden && !filters.showHidden) return false;
  if (filters.question && item.question !== filters.question) return false;
  if (filters.table && item.table !== filters.table) return false;
  return true;
}

function column(theme) {
  let col = columns.get(theme.id);
  if (!col) {
    const heading = el('h2', { id: `col-${theme.id}` });
    const count = el('span', { class: 'col-count' });
    const list = el('ol', { class: 'cards', 'aria-labelledby': `col-${theme.id}` });
    const empty = el('p', { class: 'empty', text: t('dash.empty_column') });
    const section = el('section', { class: 'column', 'data-theme': theme.id, 'aria-labelledby': heading.id },
      el('header', {}, heading, count), empty, list);
    section.addEventListener('dragover', (ev) => {
      if (!ev.dataTransfer.types.includes('application/x-samrad-item')) return;
      ev.preventDefault();
      section.classList.add('drop');
    });
    section.addEventListener('dragleave', (ev) => {
      if (!section.contains(ev.relatedTarget)) section.classList.remove('drop');
    });
    section.addEventListener('drop', (ev) => {
      ev.preventDefault();
      section.classList.remove('drop');
      const item = model.items.get(ev.dataTransfer.getData('application/x-samrad-item'));
      if (item && item.theme !== theme.id) actions.move(item, theme.id);
    });
    col = { section, heading, count, list, empty };
    columns.set(theme.id, col);
  }
  col.section.className = `column c-${theme.color}`;
  col.heading.textContent = theme.name;
  return col;
}

function render() {
  if (!model.workshop) return;
  const focused = document.activeElement;
  const sources = model.mergedSources();
  const byTheme = new Map(model.themes.map((th) => [th.id, []]));
  let shown = 0;
  for (const item of model.items.values()) {
    let card = cards.get(item.id);
    if (!card) {
      card = new Card(item.id, actions);
      cards.set(item.id, card);
    }
    card.update(item, model, sources.get(item.id) || [], selected.has(item.id));
    if (visible(item) && byTheme.has(item.theme)) {
      byTheme.get(item.theme).push(item);
      shown++;
    }
  }
  const board = document.getElementById('board');
  const wanted = [];
  for (const theme of model.themes) {
    const col = column(theme);
    const list = byTheme.get(theme.id).sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id));
    col.count.textContent = t('dash.count', { n: list.length });
    col.empty.hidden = list.length > 0;
    reconcile(col.list, list.map((item) => cards.get(item.id).li));
    wanted.push(col.section);
  }
  for (const [id, col] of columns) if (!model.themes.some((th) => th.id === id)) columns.delete(id);
  reconcile(board, wanted);
  document.getElementById('summary').textContent = t('dash.summary', { shown, total: model.items.size });
  for (const id of selected) if (!model.items.has(id) || model.items.get(id).mergedInto) selected.delete(id);
  renderMergeBar();
  renderControl();
  renderFilters();
  renderGrid();
  // Moving a node drops its focus, and the control buttons are built anew:
  // put the focus back where the keyboard user was.
  const back = focused?.isConnected ? focused : focused?.id && document.getElementById(focused.id);
  if (back && back !== document.activeElement) back.focus({ preventScroll: true });
}

/** Makes parent's children exactly nodes, in order, moving only what is out of place. */
function reconcile(parent, nodes) {
  nodes.forEach((node, i) => {
    if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] || null);
  });
  while (parent.children.length > nodes.length) parent.lastElementChild.remove();
}

function renderMergeBar() {
  const bar = document.getElementById('merge-bar');
  bar.hidden = selected.size === 0;
  document.getElementById('merge-count').textContent = t('dash.selected_n', { n: selected.size });
  document.getElementById('merge-do').disabled = selected.size < 2;
}

document.getElementById('merge-do').addEventListener('click', () => {
  const items = [...selected].map((id) => model.items.get(id)).filter(Boolean)
    .sort((a, b) => a.created.localeCompare(b.created));
  if (items.length < 2) return;
  const [target, ...rest] = items;
  command({ type: 'moderate', item: target.id, action: 'merge', sources: rest.map((i) => i.id) }, () => {
    selected.clear();
    actionsAnnouncer.say(t('dash.done'));
    scheduleRender();
  });
});
document.getElementById('merge-clear').addEventListener('click', () => {
  selected.clear();
  scheduleRender();
});

function counts() {
  const perQuestion = new Map();
  const perCell = new Map();
  const perTable = new Map();
  for (const item of model.items.values()) {
    perQuestion.set(item.question, (perQuestion.get(item.question) || 0) + 1);
    perTable.set(item.table, (perTable.get(item.table) || 0) + 1);
    const key = `${item.table}|${item.question}`;
    perCell.set(key, (perCell.get(key) || 0) + 1);
  }
  return { perQuestion, perCell, perTable };
}

function renderControl() {
  const w = model.workshop;
  const stateBox = document.getElementById('workshop-state');
  const next = w.state === 'open' ? 'closed' : 'open';
  const label = w.state === 'open' ? 'dash.close_workshop' : w.state === 'closed' ? 'dash.reopen_workshop' : 'dash.open_workshop';
  stateBox.replaceChildren(
    el('p', { text: t('dash.workshop_state', { state: t(`state.${w.state}`) }) }),
    actions.readOnly ? '' : el('button', { type: 'button', class: 'small', id: 'workshop-state-button', text: t(label),
      onclick: () => command({ type: 'workshop', state: next }, () => actionsAnnouncer.say(t('dash.done'))) }));
  const { perQuestion } = counts();
  const items = model.sortedQuestions().map((q) => {
    const next = q.state === 'open' ? 'closed' : 'open';
    const label = q.state === 'open' ? 'dash.close_question' : q.state === 'closed' ? 'dash.reopen_question' : 'dash.open_question';
    const qlabel = t('dash.question_n', { n: q.position });
    return el('li', { class: `q-${q.state}` },
      el('span', { class: 'qtext' }, el('strong', { text: `${qlabel}: ` }), q.text),
      el('span', { class: `badge q-${q.state}`, text: t(`qstate.${q.state}`) }),
      el('span', { class: 'qcount', text: t('dash.answers_n', { n: perQuestion.get(q.id) || 0 }) }),
      actions.readOnly ? '' : el('button', { type: 'button', class: 'small', id: `question-state-${q.id}`, 'aria-label': `${t(label)} – ${qlabel}`, text: t(label),
        onclick: () => command({ type: 'question', item: q.id, state: next }, () => actionsAnnouncer.say(t('dash.done'))) }));
  });
  document.getElementById('question-list').replaceChildren(...items);
}

function fillSelect(select, allLabel, options, value) {
  const current = [...select.options].map((o) => `${o.value}=${o.textContent}`).join('|');
  const next = [['', allLabel], ...options].map(([v, l]) => `${v}=${l}`).join('|');
  if (current !== next) select.replaceChildren(...[['', allLabel], ...options].map(([v, l]) => el('option', { value: v, text: l })));
  select.value = value;
}

function renderFilters() {
  fillSelect(document.getElementById('f-question'), t('dash.all_questions'),
    model.sortedQuestions().map((q) => [q.id, `${t('dash.question_n', { n: q.position })}: ${q.text}`]), filters.question);
  fillSelect(document.getElementById('f-table'), t('dash.all_tables'),
    model.sortedTables().map((tb) => [tb.id, tb.name]), filters.table);
}

function renderGrid() {
  const { perCell, perTable } = counts();
  const qs = model.sortedQuestions();
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('dash.grid_table') }),
    ...qs.map((q) => el('th', { scope: 'col', text: t('dash.question_n', { n: q.position }) })),
    el('th', { scope: 'col', text: t('dash.grid_total') })));
  const body = el('tbody', {}, ...model.sortedTables().map((tb) => el('tr', {},
    el('th', { scope: 'row', text: tb.name }),
    ...qs.map((q) => {
      const n = perCell.get(`${tb.id}|${q.id}`) || 0;
      return el('td', { class: n ? 'has' : 'none' }, n ? String(n) : el('span', { 'aria-label': t('dash.grid_none') }, '–'));
    }),
    el('td', { text: String(perTable.get(tb.id) || 0) }))));
  document.getElementById('grid').replaceChildren(head, body);
}

document.getElementById('filters').addEventListener('change', () => {
  filters.question = document.getElementById('f-question').value;
  filters.table = document.getElementById('f-table').value;
  filters.showHidden = document.getElementById('f-hidden').checked;
  scheduleRender();
});
document.getElementById('filters').addEventListener('submit', (ev) => ev.preventDefault());

document.getElementById('pause').addEventListener('click', (ev) => {
  paused = !paused;
  ev.currentTarget.setAttribute('aria-pressed', String(paused));
  ev.currentTarget.textContent = t(paused ? 'dash.resume' : 'dash.pause');
  if (!paused) applyBuffered();
  showPending();
  actionsAnnouncer.say(t(paused ? 'dash.paused_note' : 'dash.resumed_note'));
});

socket.start();
