// The facilitator's live dashboard, built for a thousand answers: the queue
// of answers to sort with their suggestions, near-duplicates offered as
// merges, every answer in columns by theme (or as a compact list) with
// moderation, search and filters, one theme in figures, the table ×
// question grid, and a pause control. Columns show a page of answers at a
// time and scroll on their own, so the page stays light however many
// answers arrive.
import { LiveSocket } from '../common/socket.js';
import { WorkshopModel } from '../common/model.js';
import { connectionIndicator } from '../common/connection.js';
import { t } from '../common/i18n.js';
import { el, Announcer } from '../common/dom.js';
import { Card } from './card.js';
import { Queue } from './queue.js';
import { Similar } from './similar.js';
import { ThemeInfo } from './themeinfo.js';
import { WordPanel } from './words.js';
import { DashboardVote } from './vote.js';
import { haystack, matcher } from './search.js';
import { cmp } from '../common/order.js';
import { Progress } from '../common/progress.js';
import { TimeboxPanel } from './timebox.js';

const COLUMN_PAGE = 25;

const root = document.getElementById('dashboard');
const workshopId = root.dataset.workshop;
const readOnly = root.dataset.readonly === 'true';
const model = new WorkshopModel();
const cards = new Map();
const columns = new Map();
const selected = new Set();
const pinned = new Set(); // answers just acted on: always drawn, so the focus never lands on nothing
const hays = new Map(); // id → { seq, hay } for search
const filters = { question: '', table: '', showHidden: false, onlyNew: false, search: null };
const announcer = new Announcer(document.getElementById('announcer'), 8000);
const actionsAnnouncer = new Announcer(document.getElementById('announcer'));
const say = (text) => actionsAnnouncer.say(text);
const timebox = new TimeboxPanel(document.getElementById('timebox-control'), document.getElementById('rounds-body'),
  { command, say, readOnly });

// "Nya sedan jag tittade": the newest answer this computer had seen when
// the facilitator last left the page (or pressed "Markera som sett").
const seenKey = `samrad:seen:${workshopId}`;
const store = {
  get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* kept for this visit only */ } },
};
let seenAt = store.get(seenKey) || '';
const collapsedKey = `samrad:collapsed:${workshopId}`;
const collapsed = new Set(JSON.parse(store.get(collapsedKey) || '[]'));
const limits = new Map(); // theme id → answers drawn

// While paused, changes wait here instead of moving things on screen (WCAG 2.2.2).
let paused = false;
let buffered = [];
let newSinceAnnounce = 0;

const socket = new LiveSocket(`/ws/workshop/${workshopId}`, {
  onSnapshot: receive,
  onChange: receive,
  onState: connectionIndicator(),
  onNotice: say,
});
const progress = new Progress(document.getElementById('progress'), socket, model);

let firstRender = false;

function receive(msg) {
  progress.changed(msg);
  timebox.seen(msg);
  // A snapshot holds everything: changes held back by the pause are older.
  if (msg.type === 'snapshot') buffered = [];
  // Marks for the browser's performance timeline (and the browser tests).
  if (msg.type === 'snapshot' && !firstRender) performance.mark('samrad:snapshot');
  if (msg.type === 'input' && !model.items.has(msg.data.id)) newSinceAnnounce++;
  if (paused && msg.type !== 'snapshot') {
    buffered.push(msg);
    showPending();
    return;
  }
  if (model.apply(msg)) changed(msg);
  if (newSinceAnnounce > 0 && msg.type !== 'snapshot') {
    announcer.say(t('dash.new_inputs', { n: newSinceAnnounce }));
    newSinceAnnounce = 0;
  }
  if (msg.type === 'snapshot') newSinceAnnounce = 0;
}

// version counts the changes applied, so that what is computed from all
// answers is computed once per change, not once per part of the page.
let version = 0;

function changed(msg) {
  version++;
  if (msg.type !== 'input' || msg.data.theme === themeInfo.theme) themeInfo.changed();
  scheduleRender();
}

function applyBuffered() {
  version++;
  for (const m of buffered) if (model.apply(m)) themeInfo.changed();
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
function command(msg, onDone) {
  socket.request(msg).then(() => {
    // Your own action should show even while paused.
    if (paused) applyBuffered();
    onDone?.();
  }, (err) => say(err.disconnected ? t('live.offline') : err.message));
}

/** Sends a read request; resolves with the reply. */
function request(msg) {
  return socket.request(msg).catch((err) => {
    throw new Error(err.disconnected ? t('live.offline') : err.message);
  });
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

// later runs the parts of a render that may wait a moment, each once, in
// order, each in a task of its own.
const laterParts = [];
function later(fn) {
  if (laterParts.includes(fn)) return;
  laterParts.push(fn);
  if (laterParts.length === 1) setTimeout(runLater, 0);
}
function runLater() {
  const fn = laterParts.shift();
  if (!fn) return;
  fn();
  if (laterParts.length) setTimeout(runLater, 0);
}

const ctx = { model, command, request, say, readOnly, workshopId,
  confidentAt: Number(root.dataset.confident) || 0.7,
  showSimilar: (item, box) => similar.show(item, box) };
const queue = new Queue(ctx);
const similar = new Similar(ctx);
const themeInfo = new ThemeInfo(ctx);
const wordPanel = new WordPanel(ctx);
const dashVote = new DashboardVote(document.getElementById('vote-body'), ctx);

const actions = {
  readOnly,
  move: (item, themeId) => {
    pinned.add(item.id);
    command({ type: 'moderate', item: item.id, action: 'move', theme: themeId }, () => {
      const theme = model.themes.find((th) => th.id === themeId);
      say(t('dash.moved', { theme: theme?.name ?? '' }));
    });
  },
  accept: (item) => {
    pinned.add(item.id);
    command({ type: 'moderate', item: item.id, action: 'accept' }, () => {
      const theme = model.themes.find((th) => th.id === item.suggested);
      say(t('dash.moved', { theme: theme?.name ?? '' }));
    });
  },
  unplace: (item) => command({ type: 'moderate', item: item.id, action: 'unplace' }, () => say(t('sort.undone', { n: 1 }))),
  similar: (item, li) => {
    let box = li.querySelector('.similar-box');
    if (!box) {
      box = el('div', { class: 'similar-box' });
      li.append(box);
    }
    similar.show(item, box);
  },
  moderate: (item, action, extra = {}) => command({ type: 'moderate', item: item.id, action, ...extra }, () => say(t('dash.done'))),
  toggleSelect: (item, on) => {
    if (on) selected.add(item.id);
    else selected.delete(item.id);
    renderMergeBar();
  },
};

function isNew(item) {
  return seenAt !== '' && item.created > seenAt;
}

function searchable(item) {
  let h = hays.get(item.id);
  if (!h || h.seq !== item.seq) {
    h = { seq: item.seq, hay: haystack(`${model.shownText(item)} ${item.edited ? item.text : ''}`) };
    hays.set(item.id, h);
  }
  return h.hay;
}

function visible(item) {
  if (item.mergedInto) return false;
  if (item.hidden && !filters.showHidden) return false;
  if (filters.question && item.question !== filters.question) return false;
  if (filters.table && item.table !== filters.table) return false;
  if (filters.onlyNew && !isNew(item)) return false;
  if (filters.search && !filters.search(searchable(item))) return false;
  return true;
}

function column(theme) {
  let col = columns.get(theme.id);
  if (!col) {
    const heading = el('h3', { id: `col-${theme.id}` });
    const count = el('span', { class: 'col-count' });
    const listId = `list-${theme.id}`;
    const toggle = el('button', { type: 'button', class: 'small toggle', 'aria-controls': listId,
      onclick: () => {
        if (collapsed.has(theme.id)) collapsed.delete(theme.id);
        else collapsed.add(theme.id);
        store.set(collapsedKey, JSON.stringify([...collapsed]));
        render();
      } });
    const info = el('button', { type: 'button', class: 'small', text: t('sort.about_theme'),
      onclick: () => themeInfo.show(theme.id, true) });
    const list = el('ol', { class: 'cards', id: listId, 'aria-labelledby': heading.id });
    const empty = el('p', { class: 'empty', text: t('dash.empty_column') });
    const more = el('button', { type: 'button', class: 'small more', onclick: () => {
      limits.set(theme.id, (limits.get(theme.id) || COLUMN_PAGE) + COLUMN_PAGE);
      render();
    } });
    // The list scrolls on its own; a keyboard user can scroll it too.
    const scroller = el('div', { class: 'col-scroll', tabindex: '0', role: 'group', 'aria-labelledby': heading.id }, empty, list, more);
    const section = el('section', { class: 'column', 'data-theme': theme.id, 'aria-labelledby': heading.id },
      el('header', {}, heading, count, el('span', { class: 'col-tools' }, info, toggle)), scroller);
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
    col = { section, heading, count, list, empty, toggle, more, scroller, info };
    columns.set(theme.id, col);
  }
  col.section.className = `column c-${theme.color}`;
  col.heading.textContent = theme.name;
  col.info.setAttribute('aria-label', `${t('sort.about_theme')}: ${theme.name}`);
  return col;
}

function render() {
  if (!model.workshop) return;
  dashVote.render();
  const focused = document.activeElement;
  const focusedCard = focused?.closest?.('li.card');
  const beforeColumn = focusedCard?.closest('section.column');
  const sources = model.mergedSources();
  const byTheme = new Map(model.themes.map((th) => [th.id, []]));
  let shown = 0;
  let fresh = 0;
  for (const item of model.items.values()) {
    if (!item.mergedInto && isNew(item)) fresh++;
    if (visible(item) && byTheme.has(item.theme)) {
      byTheme.get(item.theme).push(item);
      shown++;
    }
  }
  const board = document.getElementById('board');
  const wanted = [];
  const drawn = new Set();
  for (const theme of model.themes) {
    const col = column(theme);
    const list = byTheme.get(theme.id).sort((a, b) => cmp(b.created, a.created) || cmp(b.id, a.id));
    const limit = limits.get(theme.id) || COLUMN_PAGE;
    const isCollapsed = collapsed.has(theme.id);
    const page = isCollapsed ? [] : list.filter((item, i) => i < limit || pinned.has(item.id));
    col.count.textContent = t('dash.count', { n: list.length });
    col.toggle.textContent = t(isCollapsed ? 'sort.expand' : 'sort.collapse');
    col.toggle.setAttribute('aria-expanded', String(!isCollapsed));
    col.toggle.setAttribute('aria-label', `${t(isCollapsed ? 'sort.expand' : 'sort.collapse')}: ${theme.name}`);
    col.scroller.hidden = isCollapsed;
    col.empty.hidden = list.length > 0;
    col.more.hidden = isCollapsed || page.length >= list.length;
    col.more.textContent = t('sort.show_more_of', { n: Math.min(COLUMN_PAGE, list.length - page.length), total: list.length });
    for (const item of page) {
      let card = cards.get(item.id);
      if (!card) {
        card = new Card(item.id, actions);
        cards.set(item.id, card);
      }
      card.update(item, model, sources.get(item.id) || [], selected.has(item.id), isNew(item));
      drawn.add(item.id);
    }
    reconcile(col.list, page.map((item) => cards.get(item.id).li));
    wanted.push(col.section);
  }
  for (const id of cards.keys()) if (!drawn.has(id)) cards.delete(id);
  for (const [id] of columns) if (!model.themes.some((th) => th.id === id)) columns.delete(id);
  reconcile(board, wanted);
  document.getElementById('summary').textContent = t('dash.summary', { shown, total: model.items.size });
  document.getElementById('f-new-label').textContent = t('sort.only_new_n', { n: fresh });
  for (const id of selected) if (!model.items.has(id) || model.items.get(id).mergedInto) selected.delete(id);
  renderMergeBar();
  queue.render();
  // The rest follows in tasks of their own, so that no single task holds
  // the page while answers keep arriving.
  later(() => {
    renderControl();
    timebox.render(model);
    renderFilters();
  });
  later(renderGrid);
  later(() => {
    similar.render();
    themeInfo.render();
  });
  later(() => wordPanel.render());
  // Moving a node drops its focus, and the control buttons are built anew:
  // put the focus back where the keyboard user was, and when the answer
  // moved to another theme, bring it into view there.
  const back = focused?.isConnected ? focused : focused?.id && document.getElementById(focused.id);
  if (back && back !== document.activeElement && document.activeElement === document.body) back.focus({ preventScroll: true });
  if (focusedCard?.isConnected && focusedCard.closest('section.column') !== beforeColumn) {
    focusedCard.scrollIntoView({ block: 'nearest' });
  }
  if (!firstRender) {
    firstRender = true;
    performance.mark('samrad:first-render');
  }
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
    .sort((a, b) => cmp(a.created, b.created));
  if (items.length < 2) return;
  const [target, ...rest] = items;
  command({ type: 'moderate', item: target.id, action: 'merge', sources: rest.map((i) => i.id) }, () => {
    selected.clear();
    say(t('dash.done'));
    scheduleRender();
  });
});
document.getElementById('merge-clear').addEventListener('click', () => {
  selected.clear();
  scheduleRender();
});

let countsOf = null;
let countsCache = null;
function counts() {
  if (countsOf === model.items && countsCache && countsCache.version === version) return countsCache;
  countsOf = model.items;
  countsCache = tally();
  countsCache.version = version;
  return countsCache;
}

function tally() {
  const perQuestion = new Map();
  const perCell = new Map();
  const perTable = new Map();
  const tablesPerQuestion = new Map();
  for (const item of model.items.values()) {
    if (item.withdrawn) continue; // its table took it back
    perQuestion.set(item.question, (perQuestion.get(item.question) || 0) + 1);
    perTable.set(item.table, (perTable.get(item.table) || 0) + 1);
    const key = `${item.table}|${item.question}`;
    if (!perCell.has(key)) {
      if (!tablesPerQuestion.has(item.question)) tablesPerQuestion.set(item.question, 0);
      tablesPerQuestion.set(item.question, tablesPerQuestion.get(item.question) + 1);
    }
    perCell.set(key, (perCell.get(key) || 0) + 1);
  }
  return { perQuestion, perCell, perTable, tablesPerQuestion };
}

let controlKey = '';
function renderControl() {
  const w = model.workshop;
  const { perQuestion, tablesPerQuestion } = counts();
  const qs = model.sortedQuestions();
  const key = JSON.stringify([w.state, qs.map((q) => [q.id, q.state, q.text, perQuestion.get(q.id), tablesPerQuestion.get(q.id)]), model.tables.size]);
  if (key === controlKey) return;
  controlKey = key;
  // The buttons are built anew: a keyboard user on one keeps the focus.
  const focusedId = document.activeElement?.id;
  const stateBox = document.getElementById('workshop-state');
  const next = w.state === 'open' ? 'closed' : 'open';
  const label = w.state === 'open' ? 'dash.close_workshop' : w.state === 'closed' ? 'dash.reopen_workshop' : 'dash.open_workshop';
  stateBox.replaceChildren(
    el('p', { text: t('dash.workshop_state', { state: t(`state.${w.state}`) }) }),
    readOnly ? '' : el('button', { type: 'button', class: 'small', id: 'workshop-state-button', text: t(label),
      onclick: () => command({ type: 'workshop', state: next }, () => say(t('dash.done'))) }));
  const items = qs.map((q) => {
    const nextQ = q.state === 'open' ? 'closed' : 'open';
    const qLabel = q.state === 'open' ? 'dash.close_question' : q.state === 'closed' ? 'dash.reopen_question' : 'dash.open_question';
    const qname = t('dash.question_n', { n: q.position });
    return el('li', { class: `q-${q.state}` },
      el('span', { class: 'qtext' }, el('strong', { text: `${qname}: ` }), q.text),
      el('span', { class: `badge q-${q.state}`, text: t(`qstate.${q.state}`) }),
      el('span', { class: 'qcount', text: t('dash.answers_n', { n: perQuestion.get(q.id) || 0 }) }),
      el('span', { class: 'qtables', text: t('sort.tables_answered', { n: tablesPerQuestion.get(q.id) || 0, total: model.tables.size }) }),
      readOnly ? '' : el('button', { type: 'button', class: 'small', id: `question-state-${q.id}`, 'aria-label': `${t(qLabel)} – ${qname}`, text: t(qLabel),
        onclick: () => command({ type: 'question', item: q.id, state: nextQ }, () => say(t('dash.done'))) }));
  });
  document.getElementById('question-list').replaceChildren(...items);
  if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus({ preventScroll: true });
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

// The grid is built when the tables or questions change; new answers only
// change the numbers in its cells.
let gridKey = '';
const gridCells = new Map(); // "table|question" or "table|" (total) → td
function renderGrid() {
  const { perCell, perTable } = counts();
  const qs = model.sortedQuestions();
  const tables = model.sortedTables();
  const key = JSON.stringify([qs.map((q) => [q.id, q.position]), tables.map((tb) => [tb.id, tb.name])]);
  if (key !== gridKey) {
    gridKey = key;
    gridCells.clear();
    const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('dash.grid_table') }),
      ...qs.map((q) => el('th', { scope: 'col', text: t('dash.question_n', { n: q.position }) })),
      el('th', { scope: 'col', text: t('dash.grid_total') })));
    const body = el('tbody', {}, ...tables.map((tb) => el('tr', {},
      el('th', { scope: 'row', text: tb.name }),
      ...[...qs.map((q) => `${tb.id}|${q.id}`), `${tb.id}|`].map((k) => {
        const td = el('td');
        gridCells.set(k, td);
        return td;
      }))));
    document.getElementById('grid').replaceChildren(head, body);
  }
  for (const [k, td] of gridCells) {
    const total = k.endsWith('|');
    const n = total ? perTable.get(k.slice(0, -1)) || 0 : perCell.get(k) || 0;
    if (td.dataset.n === String(n)) continue;
    td.dataset.n = String(n);
    if (total) td.textContent = String(n);
    else {
      td.className = n ? 'has' : 'none';
      td.replaceChildren(n ? String(n) : el('span', { 'aria-label': t('dash.grid_none') }, '–'));
    }
  }
}

let searchTimer = null;
document.getElementById('f-search').addEventListener('input', (ev) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    filters.search = matcher(ev.target.value);
    render();
  }, 200);
});
document.getElementById('filters').addEventListener('change', (ev) => {
  if (ev.target.id === 'f-search') return;
  filters.question = document.getElementById('f-question').value;
  filters.table = document.getElementById('f-table').value;
  filters.showHidden = document.getElementById('f-hidden').checked;
  filters.onlyNew = document.getElementById('f-new').checked;
  scheduleRender();
});
document.getElementById('filters').addEventListener('submit', (ev) => ev.preventDefault());

function newest() {
  let max = '';
  for (const item of model.items.values()) if (item.created > max) max = item.created;
  return max;
}
document.getElementById('mark-seen').addEventListener('click', () => {
  seenAt = newest();
  store.set(seenKey, seenAt);
  for (const card of cards.values()) card.isNew = null;
  render();
  say(t('sort.marked_seen'));
});
// Leaving the page counts as having looked at what it showed.
window.addEventListener('pagehide', () => { if (model.workshop) store.set(seenKey, newest()); });

document.getElementById('collapse-all').addEventListener('click', () => {
  for (const th of model.themes) collapsed.add(th.id);
  store.set(collapsedKey, JSON.stringify([...collapsed]));
  render();
});
document.getElementById('expand-all').addEventListener('click', () => {
  collapsed.clear();
  store.set(collapsedKey, '[]');
  render();
});
for (const radio of document.querySelectorAll('input[name=view]')) {
  radio.addEventListener('change', () => {
    document.getElementById('board').classList.toggle('list', radio.value === 'list' && radio.checked);
    store.set('samrad:view', radio.value);
  });
}
if (store.get('samrad:view') === 'list') {
  document.getElementById('view-list').checked = true;
  document.getElementById('board').classList.add('list');
}

document.getElementById('pause').addEventListener('click', (ev) => {
  paused = !paused;
  ev.currentTarget.setAttribute('aria-pressed', String(paused));
  ev.currentTarget.textContent = t(paused ? 'dash.resume' : 'dash.pause');
  if (!paused) applyBuffered();
  showPending();
  say(t(paused ? 'dash.paused_note' : 'dash.resumed_note'));
});

// Alt+K: to the queue; Alt+F: to the search (listed on the page).
document.addEventListener('keydown', (ev) => {
  if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const k = ev.key.toLowerCase();
  if (k === 'k') {
    const current = document.querySelector('#queue-list li[tabindex="0"]');
    (current || document.getElementById('queue-empty')).focus();
  } else if (k === 'f') {
    document.getElementById('f-search').focus();
  } else return;
  ev.preventDefault();
});

socket.start();
