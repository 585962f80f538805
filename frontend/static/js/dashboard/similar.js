// "Liknande svar": answers that say the same thing in other words, offered
// as a merge with one action, each pair with the words the two share so the
// facilitator can judge. The server finds them on request (never on the
// answer path); a pair waved away stays away on this computer.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { cmp } from '../common/order.js';

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
      if (announce) this.ctx.say(t('sort.similar_found', { n: this.groups().length }));
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
    const groups = this.groups();
    this.count.textContent = t('sort.groups_n', { n: groups.length });
    const focused = document.activeElement;
    const index = [...this.list.children].findIndex((li) => li.contains(focused));
    this.list.replaceChildren(...(groups.length ? groups.map((g) => this.group(g))
      : [el('li', { class: 'empty', text: t('sort.similar_none') })]));
    if (index >= 0 && !focused.isConnected) {
      const li = this.list.children[Math.min(index, this.list.children.length - 1)];
      (li.querySelector('button') || this.find).focus();
    }
  }

  /** Open pairs joined into groups of answers that all say the same thing, most alike first. */
  groups() {
    const parent = new Map();
    const find = (x) => {
      while (parent.get(x) !== x) x = parent.get(x);
      return x;
    };
    const pairs = this.open();
    for (const p of pairs) {
      for (const x of [p.a, p.b]) if (!parent.has(x)) parent.set(x, x);
      parent.set(find(p.a), find(p.b));
    }
    const byRoot = new Map();
    for (const p of pairs) {
      const r = find(p.a);
      if (!byRoot.has(r)) byRoot.set(r, { ids: new Set(), pairs: [], shared: new Set() });
      const g = byRoot.get(r);
      g.ids.add(p.a);
      g.ids.add(p.b);
      g.pairs.push(p);
      for (const w of p.shared) if (g.shared.size < 6) g.shared.add(w);
    }
    return [...byRoot.values()];
  }

  group(g) {
    const model = this.ctx.model;
    const items = [...g.ids].map((id) => model.items.get(id)).sort(order);
    const [target, ...sources] = items;
    const tables = new Set(items.map((i) => i.table)).size;
    const merge = el('button', { type: 'button', class: 'small', text: t('sort.merge_group', { n: items.length }),
      onclick: () => this.merge(target, sources) });
    const not = el('button', { type: 'button', class: 'small', text: t('sort.not_same'), onclick: () => {
      for (const p of g.pairs) this.dismissed.add(`${p.a}|${p.b}`);
      try { localStorage.setItem(this.key, JSON.stringify([...this.dismissed])); } catch { /* kept for this visit */ }
      this.render();
    } });
    const controls = el('div', { class: 'row' }, merge, not);
    controls.hidden = this.ctx.readOnly;
    return el('li', { class: 'pair' },
      el('p', { class: 'small-heading', text: t('proj.merged', { n: tables }) }),
      el('ul', {}, ...items.map((i) => el('li', {}, el('strong', { text: `${model.tables.get(i.table)?.name ?? ''}: ` }), model.shownText(i)))),
      el('p', { class: 'shared', text: t('sort.shared', { words: [...g.shared].join(', ') }) }),
      controls);
  }

  merge(target, sources) {
    this.ctx.command({ type: 'moderate', item: target.id, action: 'merge', sources: sources.map((i) => i.id) },
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
        const [target, source] = [item, other].sort(order);
        const merge = el('button', { type: 'button', class: 'small', text: t('sort.merge_pair'),
          onclick: () => this.merge(target, [source]) });
        merge.hidden = this.ctx.readOnly;
        return el('li', {}, el('span', { text: `${model.tables.get(other.table)?.name ?? ''}: ${model.shownText(other)}` }),
          el('span', { class: 'shared', text: ` – ${t('sort.shared', { words: m.shared.join(', ') })} ` }), merge);
      }))] : []));
      this.ctx.say(t('sort.similar_for', { n: found.length }));
    }, (err) => box.replaceChildren(el('p', { class: 'field-error', text: err.message })));
  }
}

/** Sorts the answer the others are merged into first: one already sorted, else the earliest. */
function order(a, b) {
  const placed = (i) => (i.placedBy ? 1 : 0);
  return (placed(b) - placed(a)) || cmp(a.created, b.created);
}
