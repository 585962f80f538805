// Prioritising on the dashboard: open a vote on all visible answers, a
// question or a theme (dots per table, most dots on one answer, results
// shown at once or not), follow it live (how many tables have voted, the
// ranking with each answer's dots), close it, and show or hide its results
// for the phones and the projector.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { scopeLabel } from '../common/votescope.js';

export class DashboardVote {
  /** @param {HTMLElement} root  @param {{model, command, say, readOnly}} ctx */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.key = '';
    this.optionsKey = '';
    this.status = el('p', { class: 'vote-status' });
    this.settings = el('p', { class: 'vote-settings' });
    this.progress = el('p', { class: 'vote-progress' });
    this.close = el('button', { type: 'button', class: 'small', id: 'vote-close', text: t('dash.vote_close'),
      onclick: () => this.act('close', 'dash.vote_closed_now') });
    this.show = el('button', { type: 'button', class: 'small', id: 'vote-show', onclick: () => {
      const v = this.vote();
      if (v) this.act(v.shown ? 'hide' : 'show', v.shown ? 'dash.vote_hidden_now' : 'dash.vote_shown_now');
    } });
    this.tableBody = el('tbody');
    this.caption = el('caption', { class: 'visually-hidden' });
    this.table = el('table', { class: 'data vote-table' }, this.caption,
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('dash.vote_rank') }),
        el('th', { scope: 'col', text: t('dash.vote_answer') }), el('th', { scope: 'col', text: t('dash.vote_count') }))),
      this.tableBody);
    this.current = el('div', { class: 'vote-current' }, this.status, this.settings, this.progress,
      ctx.readOnly ? '' : el('div', { class: 'row' }, this.close, this.show), this.table);
    this.empty = el('p', { class: 'empty', text: t('dash.vote_none') });
    this.form = ctx.readOnly ? null : this.buildForm();
    root.append(this.empty, this.current, this.form || '');
  }

  vote() {
    return this.ctx.model.votes.current();
  }

  act(action, doneKey) {
    const v = this.vote();
    if (v) this.ctx.command({ type: 'vote', action, vote: v.id }, () => this.ctx.say(t(doneKey)));
  }

  buildForm() {
    const number = (id, value) => el('input', { type: 'number', id, min: '1', max: '20', value: String(value), inputmode: 'numeric' });
    this.scope = el('select', { id: 'vote-scope' });
    this.dots = number('vote-dots', 3);
    this.limit = number('vote-limit', 2);
    this.shownNow = el('input', { type: 'checkbox', id: 'vote-shown' });
    const form = el('form', { class: 'vote-form', novalidate: '' },
      el('div', {}, el('label', { for: 'vote-scope', text: t('dash.vote_scope') }), this.scope),
      el('div', { class: 'vote-numbers' },
        el('div', {}, el('label', { for: 'vote-dots', text: t('dash.vote_dots') }), this.dots),
        el('div', {}, el('label', { for: 'vote-limit', text: t('dash.vote_limit') }), this.limit)),
      el('span', { class: 'check' }, this.shownNow, el('label', { for: 'vote-shown', text: t('dash.vote_show_now') })),
      el('div', {}, el('button', { type: 'submit', class: 'primary', id: 'vote-open', text: t('dash.vote_open') })));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const [scope, item = ''] = this.scope.value.split(':');
      this.ctx.command({ type: 'vote', action: 'open', scope, item, dots: Number(this.dots.value) || 0,
        limit: Number(this.limit.value) || 0, shown: this.shownNow.checked }, () => this.ctx.say(t('dash.vote_opened')));
    });
    return form;
  }

  fillScopes() {
    const { model } = this.ctx;
    const options = [['workshop', t('dash.vote_scope_workshop')],
      ...model.sortedQuestions().filter((q) => q.state !== 'pending')
        .map((q) => [`question:${q.id}`, `${t('dash.vote_scope_question', { n: q.position })}: ${q.text}`]),
      ...model.themes.map((th) => [`theme:${th.id}`, t('dash.vote_scope_theme', { name: th.name })])];
    const key = JSON.stringify(options);
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    const chosen = this.scope.value;
    this.scope.replaceChildren(...options.map(([value, text]) => el('option', { value, text })));
    if (options.some(([v]) => v === chosen)) this.scope.value = chosen;
  }

  render() {
    const { model } = this.ctx;
    if (this.form) {
      this.fillScopes();
      this.form.hidden = this.vote()?.state === 'open' || model.workshop?.state === 'closed';
    }
    const v = this.vote();
    this.empty.hidden = !!v;
    this.current.hidden = !v;
    if (!v) return;
    const ranking = model.votes.ranking(v);
    const key = JSON.stringify([v, ranking, model.tables.size, model.questions.size, model.themes.length]);
    if (key === this.key) return;
    this.key = key;
    const open = v.state === 'open';
    this.status.replaceChildren(el('strong', { text: t(open ? 'dash.vote_state_open' : 'dash.vote_state_closed') }),
      ' · ', t(v.shown ? 'dash.vote_shown' : 'dash.vote_hidden'));
    const scope = scopeLabel(model, v);
    this.settings.textContent = `${scope} · ${t('dash.vote_dots')}: ${v.dots} · ${t('dash.vote_limit')}: ${v.limit}`;
    this.caption.textContent = `${t('dash.vote_latest')}: ${scope}`;
    this.progress.textContent = t('dash.vote_progress', { n: ranking?.tables || 0, total: model.tables.size, dots: ranking?.total || 0 });
    this.close.hidden = !open;
    this.show.textContent = t(v.shown ? 'dash.vote_hide' : 'dash.vote_show');
    const max = Math.max(1, ...(ranking?.rows || []).map((r) => r.dots));
    this.tableBody.replaceChildren(...(ranking?.rows || []).map((r, i) => el('tr', {},
      el('td', { text: String(i + 1) }),
      el('td', { class: 'vote-text', text: r.text }),
      el('td', {}, el('span', { class: 'vote-n' },
        el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'fill', 'data-w': String(Math.round((100 * r.dots) / max)) })),
        el('span', { text: String(r.dots) }))))));
    // Widths through the CSSOM: the security policy forbids inline styles.
    for (const f of this.tableBody.querySelectorAll('.fill')) f.style.width = `${f.dataset.w}%`;
  }
}
