// The dashboard's word clouds: one per word question ("ord"), live, each
// entry's size showing how many tables wrote it and the count in text
// ("bemötande (7)"), most frequent first so a screen reader reads the
// cloud in the order of its weight. Hidden answers are not in it.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { wordCloud } from '../common/cloud.js';
import { WordClouds, isWordQuestion } from '../common/wordcloud.js';

export class WordPanel {
  constructor(ctx) {
    this.model = ctx.model;
    this.section = document.getElementById('words');
    this.body = document.getElementById('words-body');
    this.blocks = new Map();
    this.clouds = new WordClouds(ctx.model, ctx.request, () => this.render());
  }

  render() {
    const qs = this.model.sortedQuestions().filter(isWordQuestion);
    this.section.hidden = qs.length === 0;
    const nodes = qs.map((q) => this.block(q));
    nodes.forEach((node, i) => {
      if (this.body.children[i] !== node) this.body.insertBefore(node, this.body.children[i] || null);
    });
    while (this.body.children.length > nodes.length) this.body.lastElementChild.remove();
  }

  block(q) {
    let b = this.blocks.get(q.id);
    if (!b) {
      const id = `words-q-${q.id}`;
      b = { id, heading: el('h3', { id }), status: el('p', { class: 'hint' }), cloud: el('div', { class: 'cloud-box' }), data: undefined };
      b.root = el('section', { class: 'word-block', 'aria-labelledby': id }, b.heading, b.status, b.cloud);
      this.blocks.set(q.id, b);
    }
    b.heading.textContent = `${t('dash.question_n', { n: q.position })}: ${q.text}`;
    const data = this.clouds.get(q.id);
    if (data !== b.data) {
      b.data = data;
      b.status.textContent = data ? t('words.answers', { n: data.answers }) : t('sort.loading');
      b.cloud.replaceChildren(!data ? ''
        : data.words.length ? wordCloud(data.words, b.id, 'words.count') : el('p', { class: 'empty', text: t('words.empty') }));
    }
    return b.root;
  }
}
