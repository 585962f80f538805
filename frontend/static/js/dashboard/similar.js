// "Liknande svar": answers that say the same thing in other words, offered
// as a merge with one action, each pair with the words the two share so the
// facilitator can judge. The server finds them on request (never on the
// answer path); a pair waved away stays away on this computer.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';

export class Similar {
  constructor(ctx) {
    this.ctx = ctx; // { model, command, request, say, readOnly, workshopId }
    this.list = document.getElementById('similar-list');
    this.count = document.getElementById('similar-count');
    this.find = document.getElementById('similar-find');
    this.pairs = null;
    this.key = `samrad:not-similar:${ctx.workshopId}`;
    try { this.dismissed = new Set(JSON.parse(localStorage.getItem(this.key) || '[]')); } catch { this.dismissed = new Set(); }
    this.find.addEventListener('click', () => this.load(true));
  }

  load(announce) {
    this.find.disabled = true;
    this.ctx.request({ type: 'similar' }).then((reply) => {
      this.pairs = reply.data?.pairs || [];
      this.render();
      if (announce) this.ctx.say(t('sort.similar_found', { n: this.open().length }));
    }, (err) => this.ctx.say(err.message)).finally(() => { this.find.disabled = false; });
  }

  /** Pairs still worth showing: both on the wall, not waved away. */
  open() {
    const items = this.ctx.model.items;
    return (this.pairs || []).filter((p) => {
      const a = items.get(p.a);
      const b = items.get(p.b);
      return a && b && !a.mergedInto && !b.mergedInto && !a.hidden && !b.hidden && !this.dismissed.has(`${p.a}|${p.b}`);
    });
  }

  render() {
    if (this.pairs === null) return;
    const pairs = this.open();
    this.count.textContent = t('sort.pairs_n', { n: pairs.length });
    const focused = document.activeElement;
    const index = [...this.list.children].findIndex((li) => li.contains(focused));
    this.list.replaceChildren(...(pairs.length ? pairs.map((p) => this.pair(p))
      : [el('li', { class: 'empty', text: t('sort.similar_none') })]));
    if (index >= 0 && !focused.isConnected) {
      const li = this.list.children[Math.min(index, this.list.children.length - 1)];
      (li.querySelector('button') || this.find).focus();
    }
  }

  pair(p) {
    const model = this.ctx.model;
    const [a, b] = [model.items.get(p.a), model.items.get(p.b)];
    const [target, source] = order(a, b);
    const who = (i) => `${model.tables.get(i.table)?.name ?? ''}: `;
    const merge = el('button', { type: 'button', class: 'small', text: t('sort.merge_pair'),
      onclick: () => this.merge(target, source) });
    const not = el('button', { type: 'button', class: 'small', text: t('sort.not_same'), onclick: () => {
      this.dismissed.add(`${p.a}|${p.b}`);
      try { localStorage.setItem(this.key, JSON.stringify([...this.dismissed])); } catch { /* kept for this visit */ }
      this.render();
    } });
    const controls = el('div', { class: 'row' }, merge, not);
    controls.hidden = this.ctx.readOnly;
    return el('li', { class: 'pair' },
      el('p', {}, el('strong', { text: who(a) }), model.shownText(a)),
      el('p', {}, el('strong', { text: who(b) }), model.shownText(b)),
      el('p', { class: 'shared', text: t('sort.shared', { words: p.shared.join(', ') }) }),
      controls);
  }

  merge(target, source) {
    this.ctx.command({ type: 'moderate', item: target.id, action: 'merge', sources: [source.id] },
      () => this.ctx.say(t('sort.merged')));
  }

  /** Shows, inside box, the answers like one item, each offered as a merge. */
  show(item, box) {
    if (!item) return;
    box.replaceChildren(el('p', { class: 'hint', text: t('sort.similar_looking') }));
    this.ctx.request({ type: 'similar', item: item.id }).then((reply) => {
      const model = this.ctx.model;
      const found = (reply.data?.similar || []).map((m) => ({ m, other: model.items.get(m.id) }))
        .filter(({ other }) => other && !other.mergedInto);
      const heading = el('p', { class: 'small-heading', text: t('sort.similar_for', { n: found.length }) });
      box.replaceChildren(heading, ...(found.length ? [el('ul', {}, ...found.map(({ m, other }) => {
        const [target, source] = order(item, other);
        const merge = el('button', { type: 'button', class: 'small', text: t('sort.merge_pair'),
          onclick: () => this.merge(target, source) });
        merge.hidden = this.ctx.readOnly;
        return el('li', {}, el('span', { text: `${model.tables.get(other.table)?.name ?? ''}: ${model.shownText(other)}` }),
          el('span', { class: 'shared', text: ` – ${t('sort.shared', { words: m.shared.join(', ') })} ` }), merge);
      }))] : []));
      this.ctx.say(t('sort.similar_for', { n: found.length }));
    }, (err) => box.replaceChildren(el('p', { class: 'field-error', text: err.message })));
  }
}

/** Which of two answers the other is merged into: one already sorted, else the earlier. */
function order(a, b) {
  const placed = (i) => (i.placedBy ? 1 : 0);
  if (placed(a) !== placed(b)) return placed(a) ? [a, b] : [b, a];
  return a.created <= b.created ? [a, b] : [b, a];
}
