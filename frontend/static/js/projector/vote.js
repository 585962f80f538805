// The vote on the projector: while results are hidden, that the tables are
// prioritising and how many have voted; once shown, the ranking as a list
// with each answer's dots in text beside its bar. The most dots come first;
// what does not fit is left to the dashboard and the exports.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { scopeLabel } from '../common/votescope.js';

const dotsText = (n) => (n === 1 ? t('proj.vote_dots_one') : t('proj.vote_dots', { n }));

export class ProjectorVote {
  constructor(model, button) {
    this.model = model;
    this.button = button;
    this.active = false;
  }

  toggle() {
    this.active = !this.active;
    this.button.setAttribute('aria-pressed', String(this.active));
  }

  render(box) {
    const vote = this.model.votes.current();
    if (!vote) {
      box.replaceChildren(el('h1', { text: t('proj.vote') }), el('p', { class: 'empty', text: t('dash.vote_none') }));
      return;
    }
    const ranking = this.model.votes.ranking(vote);
    const progress = t('proj.vote_progress', { n: ranking?.tables || 0, total: this.model.tables.size });
    const head = el('header', { class: 'slide-head vote-head' }, el('h1', { text: `${t('proj.vote')}: ${scopeLabel(this.model, vote)}` }),
      el('p', { class: 'n', text: progress }));
    if (!vote.shown || !ranking) {
      box.replaceChildren(head, el('p', { class: 'empty vote-wait', text: t('proj.vote_hidden') }));
      return;
    }
    const ul = el('ol', { class: 'vote-ranking' });
    box.replaceChildren(head, ul);
    const max = Math.max(1, ...ranking.rows.map((r) => r.dots));
    const rows = ranking.rows.map((r) => el('li', {},
      el('span', { class: 'text', text: r.text }),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'fill', 'data-w': String(Math.round((100 * r.dots) / max)) })),
      el('span', { class: 'n', text: dotsText(r.dots) })));
    // As many as fit on the screen, top first.
    for (const li of rows) {
      ul.append(li);
      if (box.scrollHeight > box.clientHeight && ul.children.length > 1) {
        li.remove();
        break;
      }
    }
    for (const f of ul.querySelectorAll('.fill')) f.style.width = `${f.dataset.w}%`;
  }
}
