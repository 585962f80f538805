// What a table did to its own answer after sending it, as a card shows it:
// "Ändrat av bordet" with the words it first sent a click away, or
// "Tillbakadraget av bordet" (the answer is hidden and stays as it was).
import { t } from '../common/i18n.js';
import { el } from '../common/dom.js';

export function showTableChange(node, item) {
  if (item.withdrawn) {
    node.replaceChildren(el('strong', { text: t('dash.withdrawn_by_table') }));
  } else if (item.original) {
    node.replaceChildren(el('details', {},
      el('summary', { text: t('dash.changed_by_table') }),
      el('p', { text: t('dash.table_original', { text: item.original }) })));
  } else {
    node.replaceChildren();
  }
  node.hidden = !item.withdrawn && !item.original;
}
