// Prioritising on the phone (prickröstning): while a vote is open, each
// answer to vote on has − and + buttons, and the table's remaining dots are
// a live status line that every phone at the table shares. Once the
// facilitator shows the results, the ranking with its counts in text.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { uuidv7 } from '../common/uuid.js';

const SHORT = 60;
const short = (text) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > SHORT ? `${chars.slice(0, SHORT).join('')}…` : chars.join('');
};

const leftText = (n) => (n === 0 ? t('phone.vote_left_none') : n === 1 ? t('phone.vote_left_one') : t('phone.vote_left', { n }));
const dotsText = (n) => (n === 1 ? t('phone.vote_dots_one') : t('phone.vote_dots_on', { n }));

export class PhoneVote {
  /**
   * @param {HTMLElement} root  the section the vote lives in
   * @param {{model, socket, table: () => string, announce: (text: string) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.voteId = null;
    this.rows = new Map();
    this.heading = el('h2', { id: 'vote-h', text: t('phone.vote_title') });
    this.intro = el('p', { class: 'vote-intro' });
    // The remaining dots are the page's live region for the vote: a dot
    // placed here or on another phone at the table is heard once.
    this.left = el('p', { class: 'vote-left', role: 'status', 'aria-live': 'polite', id: 'vote-left' });
    this.note = el('p', { class: 'vote-note' });
    this.list = el('ol', { class: 'vote-list', 'aria-label': t('phone.vote_answers') });
    this.results = el('div', { class: 'vote-results' });
    root.setAttribute('aria-labelledby', 'vote-h');
    root.replaceChildren(this.heading, this.intro, this.left, this.note, this.list, this.results);
  }

  render() {
    const { model } = this.ctx;
    const vote = model.votes.current();
    const open = vote?.state === 'open' && model.workshop?.state === 'open';
    // A closed vote stays on the phone only to show its results.
    this.root.hidden = !vote || (!open && !vote.shown);
    if (this.root.hidden) return;
    if (this.voteId !== vote.id) this.build(vote);
    const mine = model.votes.dotsOf(vote, this.ctx.table());
    this.intro.textContent = t('phone.vote_intro', { dots: vote.dots, limit: vote.limit });
    this.intro.hidden = !open;
    const left = leftText(mine.left);
    if (this.left.textContent !== left) this.left.textContent = left;
    this.left.hidden = !open;
    this.note.textContent = open ? '' : t('phone.vote_closed');
    this.note.hidden = open;
    this.list.hidden = !open;
    for (const c of vote.candidates) {
      const row = this.rows.get(c.id);
      const n = mine.dots[c.id] || 0;
      row.count.textContent = dotsText(n);
      row.pips.replaceChildren(...Array.from({ length: n }, () => el('span', { class: 'pip' })));
      row.minus.setAttribute('aria-disabled', String(!open || n === 0));
      row.plus.setAttribute('aria-disabled', String(!open || mine.left === 0 || n >= vote.limit));
    }
    this.renderResults(vote);
  }

  build(vote) {
    this.voteId = vote.id;
    this.rows.clear();
    const items = vote.candidates.map((c, i) => {
      const textId = `vote-c${i}`;
      // A long answer is cut in the button's name; its whole text is the description.
      const describedby = short(c.text) === c.text.replace(/\s+/g, ' ').trim() ? undefined : textId;
      const count = el('span', { class: 'vote-count' });
      const pips = el('span', { class: 'pips', 'aria-hidden': 'true' });
      const minus = el('button', { type: 'button', class: 'dot-btn', 'aria-label': t('phone.vote_remove', { text: short(c.text) }),
        'aria-describedby': describedby, text: '−', onclick: () => this.move(vote.id, c, -1) });
      const plus = el('button', { type: 'button', class: 'dot-btn', 'aria-label': t('phone.vote_add', { text: short(c.text) }),
        'aria-describedby': describedby, text: '+', onclick: () => this.move(vote.id, c, 1) });
      this.rows.set(c.id, { count, pips, minus, plus });
      return el('li', { class: 'vote-item' },
        el('p', { class: 'text', id: textId, text: c.text }),
        el('div', { class: 'vote-controls' }, minus, el('span', { class: 'vote-tally' }, pips, count), plus));
    });
    this.list.replaceChildren(...items);
  }

  move(voteId, candidate, delta) {
    const { model, socket, announce } = this.ctx;
    const vote = model.votes.votes.get(voteId);
    const mine = model.votes.dotsOf(vote, this.ctx.table());
    const n = mine.dots[candidate.id] || 0;
    // A button that cannot act says why instead of sending what the server would refuse.
    if (vote?.state !== 'open') return announce(t('phone.vote_closed'));
    if (delta < 0 && n === 0) return undefined;
    if (delta > 0 && mine.left === 0) return announce(t('phone.vote_left_none'));
    if (delta > 0 && n >= vote.limit) return announce(t('phone.vote_limit', { n: vote.limit }));
    return socket.request({ type: 'dot', id: uuidv7(), vote: vote.id, item: candidate.id, delta }).then((ack) => {
      // The phone that moved a dot gets the acknowledgement, not the change.
      if (ack.data) model.votes.setDots(ack.data);
      this.render();
      this.ctx.keep();
    }, (err) => announce(err.disconnected ? t('phone.vote_offline') : err.message));
  }

  renderResults(vote) {
    const ranking = vote.shown ? this.ctx.model.votes.ranking(vote) : null;
    if (!ranking) {
      this.results.replaceChildren();
      return;
    }
    this.results.replaceChildren(
      el('h3', { text: t('phone.vote_results') }),
      el('ol', { class: 'vote-ranking' }, ...ranking.rows.map((r) => el('li', {},
        el('span', { class: 'text', text: r.text }), ' ',
        el('span', { class: 'vote-count', text: dotsText(r.dots) })))));
  }
}
