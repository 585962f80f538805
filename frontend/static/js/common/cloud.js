// A word cloud drawn as an HTML list: the size of a term shows how many
// answers use it, and the number is there in text too, so a screen reader
// and a reader of the projector get the same.
import { el } from './dom.js';
import { t } from './i18n.js';

export function wordCloud(terms, labelledBy, countKey = 'sort.term_count') {
  const max = Math.max(1, ...terms.map((x) => x.count));
  return el('ul', { class: 'cloud', 'aria-labelledby': labelledBy },
    ...terms.map((x) => el('li', { class: `w${Math.ceil((4 * x.count) / max)}` },
      el('span', { class: 'word', text: x.word }), ' ',
      el('span', { class: 'n', text: t(countKey, { n: x.count }) }))));
}
