// Word-cloud slides on the projector: after the themes, one slide per word
// question ("ord"), live, the largest words first, each with its count in
// text ("bemötande (7)") so the room and a screen reader read the same.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { wordCloud } from '../common/cloud.js';
import { WordClouds, isWordQuestion } from '../common/wordcloud.js';

// WORDS_SHOWN: more entries than this are too small to read across a room.
const WORDS_SHOWN = 40;

export class WordSlides {
  constructor(model, request, onData) {
    this.model = model;
    this.clouds = new WordClouds(model, request, onData);
  }

  /** The word questions, each a slide after the themes. */
  list() {
    return this.model.sortedQuestions().filter(isWordQuestion);
  }

  render(box, q) {
    const id = `words-h-${q.id}`;
    const data = this.clouds.get(q.id);
    const cloud = !data ? ''
      : data.words.length ? wordCloud(data.words.slice(0, WORDS_SHOWN), id, 'words.count')
        : el('p', { class: 'empty', text: t('words.empty') });
    box.replaceChildren(
      el('header', { class: 'slide-head c-blue' }, el('h1', { id, text: q.text }),
        el('p', { class: 'n', text: data ? t('proj.count', { n: data.answers }) : '' })),
      el('div', { class: 'terms-view words-view' }, cloud));
  }
}
