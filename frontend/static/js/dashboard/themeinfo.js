// One theme in figures: its answers by question and by table, its key
// terms as a word cloud (with the counts in text), its most representative
// answers, and the summary line a facilitator writes for the projector and
// the exports. Key terms and representatives come from the server on
// request and are refreshed while answers arrive, at most every few seconds.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { wordCloud } from '../common/cloud.js';

const REFRESH_MS = 4000;

export class ThemeInfo {
  constructor(ctx) {
    this.ctx = ctx; // { model, command, request, say, readOnly }
    this.select = document.getElementById('info-theme');
    this.body = document.getElementById('info-body');
    this.theme = '';
    this.view = null;
    this.loadedAt = 0;
    this.loading = false;
    this.dirty = true;
    this.select.addEventListener('change', () => this.show(this.select.value, false));
  }

  /** Shows a theme (from a column's "Om temat" button: then moves there). */
  show(themeId, go) {
    this.theme = themeId;
    this.view = null;
    this.dirty = true;
    this.render();
    if (go) document.getElementById('info-h').scrollIntoView({ block: 'start' });
    if (go) this.select.focus();
  }

  changed() {
    this.dirty = true;
  }

  load() {
    if (this.loading || !this.theme) return;
    this.loading = true;
    const theme = this.theme;
    this.ctx.request({ type: 'theme_view', item: theme }).then((reply) => {
      if (theme !== this.theme) return;
      this.view = reply.data;
      this.loadedAt = Date.now();
      this.renderView();
    }, () => {}).finally(() => { this.loading = false; });
  }

  render() {
    const model = this.ctx.model;
    const themes = model.themes;
    if (!themes.some((th) => th.id === this.theme)) this.theme = themes[0]?.id ?? '';
    const current = [...this.select.options].map((o) => `${o.value}=${o.textContent}`).join('|');
    const next = themes.map((th) => `${th.id}=${th.name}`).join('|');
    if (current !== next) this.select.replaceChildren(...themes.map((th) => el('option', { value: th.id, text: th.name })));
    this.select.value = this.theme;
    const theme = themes.find((th) => th.id === this.theme);
    if (!theme) return;
    if (!this.parts || this.parts.theme !== theme.id) this.build(theme);
    this.fill(theme);
    if (this.dirty && Date.now() - this.loadedAt > REFRESH_MS) {
      this.dirty = false;
      this.load();
    }
  }

  build(theme) {
    const id = theme.id;
    const summaryInput = el('input', { type: 'text', id: `sum-${id}`, maxlength: '300', 'aria-describedby': `sumh-${id}` });
    const save = el('button', { type: 'button', class: 'small', text: t('sort.summary_save'), onclick: () => {
      this.ctx.command({ type: 'summary', item: id, text: summaryInput.value }, () => this.ctx.say(t('sort.summary_saved')));
    } });
    const form = el('div', { class: 'summary-form' },
      el('label', { for: summaryInput.id, text: t('sort.summary_label') }),
      el('p', { class: 'hint', id: `sumh-${id}`, text: t('sort.summary_hint') }),
      el('div', { class: 'row' }, summaryInput, save));
    form.hidden = this.ctx.readOnly;
    const summaryText = el('p', { class: 'summary-line' });
    const reps = el('ol', { class: 'reps', 'aria-labelledby': `reph-${id}` });
    const cloud = el('div', { class: 'cloud-box' });
    const byQuestion = el('table', { class: 'data compact-table' });
    const byTable = el('table', { class: 'data compact-table' });
    this.parts = { theme: id, summaryInput, summaryText, reps, cloud, byQuestion, byTable };
    this.body.replaceChildren(
      el('div', { class: 'info-grid' },
        el('div', {},
          el('h3', { text: t('sort.summary') }), summaryText, form,
          el('h3', { id: `reph-${id}`, text: t('sort.representatives') }), reps),
        el('div', {}, el('h3', { id: `cloudh-${id}`, text: t('sort.key_terms') }), cloud),
        el('div', {},
          el('h3', { text: t('sort.by_question') }), el('div', { class: 'table-scroll' }, byQuestion),
          el('h3', { text: t('sort.by_table') }), el('div', { class: 'table-scroll' }, byTable))));
    this.renderView();
  }

  fill(theme) {
    const p = this.parts;
    const model = this.ctx.model;
    p.summaryText.textContent = theme.summary || t('sort.no_summary');
    p.summaryText.classList.toggle('muted', !theme.summary);
    if (document.activeElement !== p.summaryInput) p.summaryInput.value = theme.summary || '';
    const perQ = new Map();
    const perT = new Map();
    for (const item of model.items.values()) {
      if (item.theme !== theme.id || item.mergedInto || item.hidden) continue;
      perQ.set(item.question, (perQ.get(item.question) || 0) + 1);
      perT.set(item.table, (perT.get(item.table) || 0) + 1);
    }
    table(p.byQuestion, [t('dash.filter_question'), t('sort.answers')], model.sortedQuestions()
      .map((q) => [`${t('dash.question_n', { n: q.position })}: ${q.text}`, perQ.get(q.id) || 0]));
    table(p.byTable, [t('dash.filter_table'), t('sort.answers')], model.sortedTables()
      .filter((tb) => perT.has(tb.id)).sort((a, b) => perT.get(b.id) - perT.get(a.id))
      .map((tb) => [tb.name, perT.get(tb.id)]));
  }

  renderView() {
    const p = this.parts;
    if (!p) return;
    const v = this.view;
    const model = this.ctx.model;
    if (!v) {
      p.cloud.replaceChildren(el('p', { class: 'hint', text: t('sort.loading') }));
      p.reps.replaceChildren();
      return;
    }
    p.cloud.replaceChildren(v.terms.length ? wordCloud(v.terms, `cloudh-${p.theme}`)
      : el('p', { class: 'hint', text: t('sort.no_terms') }));
    p.reps.replaceChildren(...v.representatives.map((r) => ({ r, item: model.items.get(r.id) })).filter((x) => x.item)
      .map(({ r, item }) => el('li', {}, el('span', { text: model.shownText(item) }),
        r.tables > 1 ? el('span', { class: 'tables', text: ` – ${t('proj.merged', { n: r.tables })}` }) : null)));
  }
}

function table(node, head, rows) {
  node.replaceChildren(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows.map(([a, n]) => el('tr', {}, el('th', { scope: 'row', text: a }), el('td', { text: String(n) })))));
}
