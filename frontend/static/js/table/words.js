// A word question ("ord") on the phone: a one-line field for one to three
// words instead of the text box, the hint "Ett till tre ord", and no theme
// to choose (the words go to the word cloud). The server applies the same
// rule; checking here first saves a round trip and says it at once.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';

const MAX_WORDS = 3;
const MAX_CHARS = 60;

/** Turns a question's answer form (built for free text) into one for words. */
export function forWords(s) {
  const input = el('input', { type: 'text', id: s.textarea.id, name: 'text', autocomplete: 'off', enterkeyhint: 'send',
    'aria-describedby': s.textarea.getAttribute('aria-describedby') });
  input.value = s.textarea.value;
  s.textarea.replaceWith(input);
  s.textarea = input;
  s.words = true;
  const hintId = input.getAttribute('aria-describedby').split(' ')[0];
  s.form.querySelector(`[id="${hintId}"]`).textContent = t('words.hint');
  s.counter.hidden = true;
  s.select.hidden = true;
  s.form.querySelector(`label[for="${s.select.id}"]`).hidden = true;
}

/** What is wrong with a word answer, or '' when nothing is. */
export function wordsError(text) {
  if (text.split(/\s+/).filter(Boolean).length > MAX_WORDS) return t('words.error_count');
  if ([...text.normalize('NFC')].length > MAX_CHARS) return t('words.error_long', { max: MAX_CHARS });
  return '';
}
