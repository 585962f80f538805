// A table's theme in the current World Café round, shown first on its
// phones; a new round is announced once.
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';

let said = '';

/** Shows the table's round and theme in root (hidden when no round runs). */
export function showRound(root, table, themes, say) {
  const theme = table?.round ? themes.find((th) => th.id === table.roundTheme) : null;
  root.hidden = !theme;
  const key = theme ? `${table.round}|${theme.id}` : '';
  if (!theme) {
    root.replaceChildren();
    said = '';
    return;
  }
  root.className = `round c-${theme.color}`;
  root.replaceChildren(
    el('p', { class: 'round-n', text: t('tb.round_n', { n: table.round }) }),
    el('p', { class: 'round-theme' }, t('tb.your_theme'), ' ', el('strong', { text: theme.name })));
  // The first time the page shows it, it is on screen with the page; later
  // rounds are news.
  if (said && key !== said) say(t('tb.round_said', { n: table.round, theme: theme.name }));
  said = key;
}
