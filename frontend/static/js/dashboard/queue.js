// "Att sortera": the answers waiting in the parking lot, newest first, each
// with its suggestion ready to accept with one key. Everything works from
// the keyboard; the focus stays on the queue, moving to the next answer when
// one is sorted, so a facilitator can work down the list without looking
// away, and a screen reader hears one short line per action.
import { t, clock } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { suggestionText } from './card.js';
import { cmp } from '../common/order.js';

const PAGE = 12;
const CHUNK = 100; // ids per command: the server takes at most 100 at once

export class Queue {
  constructor(ctx) {
    this.ctx = ctx; // { model, command, say, confidentAt, readOnly, showSimilar }
    this.list = document.getElementById('queue-list');
    this.count = document.getElementById('queue-count');
    this.empty = document.getElementById('queue-empty');
    this.more = document.getElementById('queue-more');
    this.bulk = document.getElementById('accept-confident');
    this.undoButton = document.getElementById('undo-bulk');
    this.auto = document.getElementById('auto-sort');
    this.limit = PAGE;
    this.rows = new Map(); // id → row
    this.skipped = new Set();
    this.current = null; // id of the item with tabindex 0
    this.lastDone = null; // { ids, label } of the last accept or move, for undo
    this.bulkDone = null;
    this.empty.tabIndex = -1;
    document.getElementById('queue').addEventListener('keydown', (ev) => this.key(ev));
    this.list.addEventListener('focusin', (ev) => {
      const li = ev.target.closest('li.q-item');
      if (li) this.setCurrent(li.dataset.id);
    });
    this.more.addEventListener('click', () => { this.limit += PAGE; this.render(); });
    this.bulk.addEventListener('click', () => this.acceptConfident());
    this.undoButton.addEventListener('click', () => this.undoBulk());
    this.auto.addEventListener('change', () => this.ctx.command({ type: 'autosort', state: this.auto.checked ? 'on' : 'off' },
      () => this.ctx.say(t(this.auto.checked ? 'sort.auto_on' : 'sort.auto_off'))));
    // A reader sees what waits, not the means to sort it.
    this.bulk.hidden = ctx.readOnly;
    this.auto.closest('.check').hidden = ctx.readOnly;
  }

  parking() {
    return this.ctx.model.themes.find((th) => th.parking);
  }

  /** The items waiting to be sorted: newest first, skipped ones last. */
  items() {
    const parking = this.parking();
    if (!parking) return [];
    const list = [];
    const questions = this.ctx.model.questions;
    for (const item of this.ctx.model.items.values()) {
      // Answers to a word question go to its word cloud, not into themes.
      if (questions.get(item.question)?.kind === 'ord') continue;
      if (item.theme === parking.id && !item.placedBy && !item.mergedInto && !item.hidden) list.push(item);
    }
    list.sort((a, b) => (this.skipped.has(a.id) - this.skipped.has(b.id))
      || cmp(b.created, a.created) || cmp(b.id, a.id));
    return list;
  }

  confident(items) {
    const parking = this.parking();
    const known = new Set(this.ctx.model.themes.map((th) => th.id));
    return items.filter((i) => i.suggested && i.suggested !== parking?.id && known.has(i.suggested)
      && (i.confidence || 0) >= this.ctx.confidentAt);
  }

  /** Themes in the order the number keys choose them. */
  numbered() {
    return this.ctx.model.themes.slice(0, 9);
  }

  render() {
    const items = this.items();
    this.waiting = items;
    const shown = items.slice(0, this.limit);
    this.count.textContent = t('sort.queue_count', { n: items.length });
    this.empty.hidden = items.length > 0;
    const sure = this.confident(items);
    this.bulk.textContent = t('sort.accept_confident_n', { n: sure.length });
    this.bulk.disabled = this.ctx.readOnly || sure.length === 0;
    this.auto.checked = !!this.ctx.model.workshop?.autoSort;
    this.more.hidden = items.length <= shown.length;
    this.more.textContent = t('sort.show_more', { n: Math.min(PAGE, items.length - shown.length) });
    const focused = document.activeElement;
    const hadFocus = this.list.contains(focused);
    const focusIndex = hadFocus ? [...this.list.children].findIndex((li) => li.contains(focused)) : -1;
    const nodes = shown.map((item) => this.row(item).li);
    nodes.forEach((node, i) => {
      if (this.list.children[i] !== node) this.list.insertBefore(node, this.list.children[i] || null);
    });
    while (this.list.children.length > nodes.length) this.list.lastElementChild.remove();
    for (const id of this.rows.keys()) if (!shown.some((i) => i.id === id)) this.rows.delete(id);
    if (!this.current || !this.rows.has(this.current)) this.setCurrent(shown[Math.max(0, focusIndex)]?.id ?? shown[0]?.id);
    // The answer in focus was sorted (here or by a colleague): the focus
    // goes to the one that took its place, never to the top of the page.
    if (hadFocus && !focused.isConnected) this.focusAt(focusIndex);
    if (this.focusBulk && !this.bulk.disabled) {
      this.focusBulk = false;
      this.bulk.focus();
      this.undoButton.hidden = true;
    }
    if (this.focusWanted && this.rows.has(this.focusWanted)) {
      this.focusItem(this.focusWanted);
      this.focusWanted = null;
    }
  }

  row(item) {
    let r = this.rows.get(item.id);
    if (!r) {
      r = this.buildRow(item.id);
      this.rows.set(item.id, r);
    }
    if (r.seq !== item.seq || r.themes !== this.ctx.model.themes) this.fillRow(r, item);
    return r;
  }

  buildRow(id) {
    const text = el('p', { class: 'text', id: `qt-${id}` });
    const meta = el('p', { class: 'meta' });
    const suggestion = el('p', { class: 'suggestion', id: `qs-${id}` });
    const accept = el('button', { type: 'button', class: 'small primary-outline', onclick: () => this.accept(id) });
    const select = el('select', { id: `qmv-${id}` });
    const move = el('button', { type: 'button', class: 'small', text: t('dash.move'),
      onclick: () => this.moveTo(id, select.value) });
    const skip = el('button', { type: 'button', class: 'small', text: t('sort.skip'), onclick: () => this.skip(id) });
    const similar = el('button', { type: 'button', class: 'small', text: t('sort.show_similar'),
      onclick: () => this.ctx.showSimilar(this.ctx.model.items.get(id), box) });
    const box = el('div', { class: 'similar-box' });
    const controls = el('div', { class: 'row' }, accept,
      el('label', { for: select.id, class: 'visually-hidden', text: t('dash.move_to') }), select, move, skip, similar);
    controls.hidden = this.ctx.readOnly;
    const li = el('li', { class: 'q-item', tabindex: '-1', 'data-id': id, 'aria-labelledby': text.id, 'aria-describedby': suggestion.id },
      text, meta, suggestion, controls, box);
    return { li, text, meta, suggestion, accept, select, seq: null, themes: null };
  }

  fillRow(r, item) {
    const model = this.ctx.model;
    r.seq = item.seq;
    r.text.textContent = model.shownText(item);
    const q = model.questions.get(item.question);
    r.meta.textContent = t('dash.meta', { table: model.tables.get(item.table)?.name ?? '', q: q?.position ?? '?', time: clock(item.created) });
    const line = suggestionText(item, model) || t('sort.no_suggestion');
    const sure = (item.confidence || 0) >= this.ctx.confidentAt;
    r.suggestion.textContent = line + (item.suggested && sure ? ` ${t('sort.sure')}` : '');
    r.li.classList.toggle('sure', sure && !!item.suggested);
    const theme = model.themes.find((th) => th.id === item.suggested);
    r.accept.hidden = !theme;
    r.accept.textContent = theme ? t('sort.accept_to', { theme: theme.name }) : '';
    if (r.themes !== model.themes) {
      r.select.replaceChildren(...model.themes.map((th, i) => el('option', { value: th.id,
        text: i < 9 ? `${i + 1}. ${th.name}` : th.name })));
      r.themes = model.themes;
    }
    r.select.value = theme?.id ?? model.themes[0]?.id ?? '';
  }

  setCurrent(id) {
    if (this.current === id) return;
    this.rows.get(this.current)?.li.setAttribute('tabindex', '-1');
    this.current = id;
    this.rows.get(id)?.li.setAttribute('tabindex', '0');
  }

  focusAt(index) {
    const lis = this.list.children;
    const li = lis[Math.min(Math.max(index, 0), lis.length - 1)];
    if (li) {
      this.setCurrent(li.dataset.id);
      li.focus();
    } else {
      this.empty.focus();
    }
  }

  focusItem(id) {
    const r = this.rows.get(id);
    if (r) {
      this.setCurrent(id);
      r.li.focus();
    }
  }

  /** Enter or A accepts, 1–9 choose a theme, S skips, arrows move, L similar, U undo. */
  key(ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.target.closest('select, input, textarea')) return;
    const li = ev.target.closest('li.q-item');
    if (!li) {
      // With nothing focused in the list (or nothing left in it), U still undoes.
      if (ev.key.toLowerCase() === 'u' && !this.ctx.readOnly) {
        this.undo();
        ev.preventDefault();
      }
      return;
    }
    const id = li.dataset.id;
    const index = [...this.list.children].indexOf(li);
    const k = ev.key.toLowerCase();
    if (ev.key === 'ArrowDown') this.focusAt(index + 1);
    else if (ev.key === 'ArrowUp') this.focusAt(index - 1);
    else if (ev.key === 'Home') this.focusAt(0);
    else if (ev.key === 'End') this.focusAt(this.list.children.length - 1);
    else if (this.ctx.readOnly) return;
    else if ((ev.key === 'Enter' && ev.target === li) || k === 'a') this.accept(id);
    else if (/^[1-9]$/.test(ev.key)) {
      const theme = this.numbered()[Number(ev.key) - 1];
      if (!theme) return;
      this.moveTo(id, theme.id);
    } else if (k === 's') this.skip(id);
    else if (k === 'l') this.ctx.showSimilar(this.ctx.model.items.get(id), this.rows.get(id).li.querySelector('.similar-box'));
    else if (k === 'u') this.undo();
    else return;
    ev.preventDefault();
  }

  accept(id) {
    const item = this.ctx.model.items.get(id);
    const theme = this.ctx.model.themes.find((th) => th.id === item?.suggested);
    if (!theme) return;
    this.keepFocusAfter(id);
    this.ctx.command({ type: 'moderate', item: id, action: 'accept' }, () => {
      this.lastDone = { ids: [id] };
      this.ctx.say(t('sort.accepted', { theme: theme.name, n: this.items().length }));
    });
  }

  moveTo(id, themeId) {
    const theme = this.ctx.model.themes.find((th) => th.id === themeId);
    if (!theme) return;
    this.keepFocusAfter(id);
    this.ctx.command({ type: 'moderate', item: id, action: 'move', theme: themeId }, () => {
      this.lastDone = { ids: [id] };
      this.ctx.say(t('sort.moved', { theme: theme.name, n: this.items().length }));
    });
  }

  skip(id) {
    this.keepFocusAfter(id);
    this.skipped.add(id);
    this.render();
    this.ctx.say(t('sort.skipped'));
  }

  /** When the item in focus leaves the queue, the next one gets the focus. */
  keepFocusAfter(id) {
    const li = this.rows.get(id)?.li;
    if (!li || !li.contains(document.activeElement)) return;
    const index = [...this.list.children].indexOf(li);
    // Move the focus now: the row is about to go, and a button inside it
    // would otherwise take the focus down with it.
    const next = this.list.children[index + 1] || this.list.children[index - 1];
    if (next) this.focusItem(next.dataset.id);
  }

  undo() {
    const done = this.lastDone;
    if (!done) return;
    this.lastDone = null;
    this.unplace(done.ids, () => {
      this.ctx.say(t('sort.undone', { n: done.ids.length }));
      // The change may come a moment after the reply: focus it when it is drawn.
      this.focusWanted = done.ids[0];
      this.render();
    });
  }

  unplace(ids, then) {
    const chunks = [];
    for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
    let left = chunks.length;
    for (const [first, ...rest] of chunks) {
      this.ctx.command({ type: 'moderate', item: first, action: 'unplace', sources: rest }, () => {
        left -= 1;
        if (left === 0) then?.();
      });
    }
  }

  acceptConfident() {
    const ids = this.confident(this.items()).map((i) => i.id);
    if (ids.length === 0) return;
    const chunks = [];
    for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
    let left = chunks.length;
    for (const [first, ...rest] of chunks) {
      this.ctx.command({ type: 'moderate', item: first, action: 'accept', sources: rest }, () => {
        left -= 1;
        if (left > 0) return;
        this.bulkDone = ids;
        this.undoButton.hidden = false;
        this.undoButton.textContent = t('sort.undo_n', { n: ids.length });
        this.ctx.say(t('sort.accepted_n', { n: ids.length }));
        this.undoButton.focus();
      });
    }
  }

  undoBulk() {
    const ids = this.bulkDone;
    if (!ids) return;
    this.bulkDone = null;
    this.unplace(ids, () => {
      this.ctx.say(t('sort.undone', { n: ids.length }));
      // The focus goes back to the bulk button once it can take it again.
      this.focusBulk = true;
      this.render();
    });
  }
}
