// Card is one input on the dashboard. It is built once and updated in place,
// so an open action panel or a focused button survives live changes.
import { t, clock } from '../common/i18n.js';
import { el } from '../common/dom.js';

export class Card {
  constructor(id, actions) {
    this.id = id;
    this.actions = actions;
    this.item = null;
    this.text = el('p', { class: 'text' });
    this.original = el('p', { class: 'original' });
    this.meta = el('p', { class: 'meta' });
    this.badges = el('p', { class: 'badges' });
    this.select = el('input', { type: 'checkbox', id: `sel-${id}` });
    this.select.addEventListener('change', () => this.actions.toggleSelect(this.item, this.select.checked));
    this.selectLabel = el('label', { for: `sel-${id}`, class: 'select-label' }, el('span', { class: 'visually-hidden', text: t('dash.select') }));
    this.sources = el('details', { class: 'sources' });
    this.panel = this.buildPanel();
    // A reader sees the same wall without the means to change it.
    const selectBox = el('span', { class: 'select' }, this.select, this.selectLabel);
    selectBox.hidden = actions.readOnly;
    this.panel.root.hidden = actions.readOnly;
    this.li = el('li', { class: 'card', draggable: actions.readOnly ? 'false' : 'true', 'data-id': id },
      el('div', { class: 'card-top' }, this.badges, selectBox),
      this.text, this.original, this.meta, this.sources, this.panel.root);
    this.li.addEventListener('dragstart', (ev) => {
      ev.dataTransfer.setData('application/x-samrad-item', id);
      ev.dataTransfer.effectAllowed = 'move';
      this.li.classList.add('dragging');
    });
    this.li.addEventListener('dragend', () => this.li.classList.remove('dragging'));
  }

  buildPanel() {
    const id = this.id;
    const summary = el('summary', { text: t('dash.actions') });
    const themeSelect = el('select', { id: `mv-${id}` });
    const move = el('button', { type: 'button', class: 'small', text: t('dash.move'),
      onclick: () => { if (themeSelect.value !== this.item.theme) this.actions.move(this.item, themeSelect.value); } });
    const highlight = el('button', { type: 'button', class: 'small',
      onclick: () => this.actions.moderate(this.item, this.item.highlighted ? 'unhighlight' : 'highlight') });
    const hide = el('button', { type: 'button', class: 'small',
      onclick: () => this.actions.moderate(this.item, this.item.hidden ? 'show' : 'hide') });
    const editBox = el('textarea', { id: `ed-${id}`, rows: '3', 'aria-describedby': `edh-${id}` });
    const save = el('button', { type: 'button', class: 'small', text: t('dash.save_edit'),
      onclick: () => this.actions.moderate(this.item, 'edit', { text: editBox.value }) });
    const restore = el('button', { type: 'button', class: 'small', text: t('dash.restore_original'),
      onclick: () => this.actions.moderate(this.item, 'edit', { text: '' }) });
    const root = el('details', { class: 'actions' }, summary,
      el('div', { class: 'panel' },
        el('label', { for: themeSelect.id, text: t('dash.move_to') }),
        el('div', { class: 'row' }, themeSelect, move),
        el('div', { class: 'row' }, highlight, hide),
        el('label', { for: editBox.id, text: t('dash.edit') }),
        el('p', { class: 'hint', id: `edh-${id}`, text: t('dash.edit_hint') }),
        editBox,
        el('div', { class: 'row' }, save, restore)));
    root.addEventListener('toggle', () => {
      if (root.open) editBox.value = this.item.edited || this.item.text;
    });
    return { root, summary, themeSelect, highlight, hide, editBox, restore };
  }

  update(item, model, sources, isSelected) {
    const changed = this.item?.seq !== item.seq || this.sourceCount !== sources.length || this.themesVersion !== model.themes;
    this.select.checked = isSelected;
    if (!changed) return;
    this.item = item;
    this.sourceCount = sources.length;
    this.themesVersion = model.themes;
    const table = model.tables.get(item.table)?.name ?? '';
    const q = model.questions.get(item.question);
    this.text.textContent = model.shownText(item);
    this.original.hidden = !item.edited;
    this.original.textContent = item.edited ? `${t('dash.original')}: ${item.text}` : '';
    this.meta.textContent = t('dash.meta', { table, q: q?.position ?? '?', time: clock(item.created) });
    this.badges.replaceChildren(
      ...(item.highlighted ? [el('span', { class: 'badge highlighted', text: t('dash.badge_highlighted') })] : []),
      ...(item.hidden ? [el('span', { class: 'badge hidden-badge', text: t('dash.badge_hidden') })] : []),
      ...(item.edited ? [el('span', { class: 'badge edited', text: t('dash.badge_edited') })] : []));
    this.li.classList.toggle('is-highlighted', item.highlighted);
    this.li.classList.toggle('is-hidden', item.hidden);
    this.panel.summary.textContent = t('dash.actions');
    this.panel.summary.setAttribute('aria-label', t('dash.actions_for', { table }));
    this.panel.highlight.textContent = t(item.highlighted ? 'dash.unhighlight' : 'dash.highlight');
    this.panel.hide.textContent = t(item.hidden ? 'dash.show' : 'dash.hide');
    this.panel.restore.hidden = !item.edited;
    const sel = this.panel.themeSelect;
    sel.replaceChildren(...model.themes.map((th) => el('option', { value: th.id, text: th.name })));
    sel.value = item.theme;
    this.sources.hidden = sources.length === 0;
    if (sources.length) {
      this.sources.replaceChildren(el('summary', { text: t('dash.merged_from', { n: sources.length + 1 }) }),
        el('ul', {}, ...sources.map((src) => el('li', {},
          el('span', { text: `${model.shownText(src)} (${model.tables.get(src.table)?.name ?? ''})` }), ' ',
          this.actions.readOnly ? '' : el('button', { type: 'button', class: 'small', text: t('dash.unmerge'),
            onclick: () => this.actions.moderate(src, 'unmerge') })))));
    }
  }
}
