// Card is one input on the dashboard. It is built when it first comes into
// view and updated in place, so an open action panel or a focused button
// survives live changes. Its action panel is built when first opened: a wall
// of a thousand answers then holds a few elements per answer, not dozens.
import { t, clock } from '../common/i18n.js';
import { el } from '../common/dom.js';
import { showTableChange } from './tablechange.js';

/** The line that says what is suggested for an item and why, or ''. */
export function suggestionText(item, model) {
  if (!item.suggested || item.placedBy === 'person' || item.placedBy === 'phone') return '';
  const theme = model.themes.find((th) => th.id === item.suggested);
  if (!theme) return '';
  const pct = Math.round((item.confidence || 0) * 100);
  const because = item.because?.length ? t('sort.because', { words: item.because.join(', ') }) : '';
  const key = item.placedBy === 'auto' ? 'sort.placed_auto' : 'sort.suggested';
  return `${t(key, { theme: theme.name, pct })}${because}`;
}

export class Card {
  constructor(id, actions) {
    this.id = id;
    this.actions = actions;
    this.item = null;
    this.text = el('p', { class: 'text' });
    this.original = el('p', { class: 'original' });
    this.byTable = el('div', { class: 'by-table' });
    this.meta = el('p', { class: 'meta' });
    this.suggestion = el('p', { class: 'suggestion' });
    this.badges = el('p', { class: 'badges' });
    this.select = el('input', { type: 'checkbox', id: `sel-${id}` });
    this.select.addEventListener('change', () => this.actions.toggleSelect(this.item, this.select.checked));
    this.selectLabel = el('label', { for: `sel-${id}`, class: 'select-label' }, el('span', { class: 'visually-hidden', text: t('dash.select') }));
    this.sources = el('details', { class: 'sources' });
    this.summary = el('summary', { text: t('dash.actions') });
    this.panelRoot = el('details', { class: 'actions' }, this.summary);
    this.panel = null;
    this.panelRoot.addEventListener('toggle', () => {
      if (!this.panelRoot.open) return;
      if (!this.panel) this.panel = this.buildPanel();
      this.refreshPanel();
      this.panel.editBox.value = this.item.edited || this.item.text;
    });
    // A reader sees the same wall without the means to change it.
    const selectBox = el('span', { class: 'select' }, this.select, this.selectLabel);
    selectBox.hidden = actions.readOnly;
    this.panelRoot.hidden = actions.readOnly;
    this.li = el('li', { class: 'card', draggable: actions.readOnly ? 'false' : 'true', 'data-id': id },
      el('div', { class: 'card-top' }, this.badges, selectBox),
      this.text, this.original, this.byTable, this.meta, this.suggestion, this.sources, this.panelRoot);
    this.li.addEventListener('dragstart', (ev) => {
      ev.dataTransfer.setData('application/x-samrad-item', id);
      ev.dataTransfer.effectAllowed = 'move';
      this.li.classList.add('dragging');
    });
    this.li.addEventListener('dragend', () => this.li.classList.remove('dragging'));
  }

  buildPanel() {
    const id = this.id;
    const themeSelect = el('select', { id: `mv-${id}` });
    const move = el('button', { type: 'button', class: 'small', text: t('dash.move'),
      onclick: () => { if (themeSelect.value !== this.item.theme) this.actions.move(this.item, themeSelect.value); } });
    const accept = el('button', { type: 'button', class: 'small', onclick: () => this.actions.accept(this.item) });
    const unplace = el('button', { type: 'button', class: 'small', text: t('sort.unplace'),
      onclick: () => this.actions.unplace(this.item) });
    const similar = el('button', { type: 'button', class: 'small', text: t('sort.show_similar'),
      onclick: () => this.actions.similar(this.item, this.li) });
    const highlight = el('button', { type: 'button', class: 'small',
      onclick: () => this.actions.moderate(this.item, this.item.highlighted ? 'unhighlight' : 'highlight') });
    const hide = el('button', { type: 'button', class: 'small',
      onclick: () => this.actions.moderate(this.item, this.item.hidden ? 'show' : 'hide') });
    const editBox = el('textarea', { id: `ed-${id}`, rows: '3', 'aria-describedby': `edh-${id}` });
    const save = el('button', { type: 'button', class: 'small', text: t('dash.save_edit'),
      onclick: () => this.actions.moderate(this.item, 'edit', { text: editBox.value }) });
    const restore = el('button', { type: 'button', class: 'small', text: t('dash.restore_original'),
      onclick: () => this.actions.moderate(this.item, 'edit', { text: '' }) });
    this.panelRoot.append(el('div', { class: 'panel' },
      el('label', { for: themeSelect.id, text: t('dash.move_to') }),
      el('div', { class: 'row' }, themeSelect, move),
      el('div', { class: 'row' }, accept, unplace, similar),
      el('div', { class: 'row' }, highlight, hide),
      el('label', { for: editBox.id, text: t('dash.edit') }),
      el('p', { class: 'hint', id: `edh-${id}`, text: t('dash.edit_hint') }),
      editBox,
      el('div', { class: 'row' }, save, restore)));
    return { themeSelect, accept, unplace, highlight, hide, editBox, restore, themes: null };
  }

  refreshPanel() {
    const p = this.panel;
    const item = this.item;
    const model = this.model;
    if (!p || !item) return;
    p.highlight.textContent = t(item.highlighted ? 'dash.unhighlight' : 'dash.highlight');
    p.hide.textContent = t(item.hidden ? 'dash.show' : 'dash.hide');
    p.restore.hidden = !item.edited;
    const suggested = model.themes.find((th) => th.id === item.suggested);
    p.accept.hidden = !suggested || item.placedBy === 'person' || item.placedBy === 'phone';
    p.accept.textContent = suggested ? t('sort.accept_to', { theme: suggested.name }) : '';
    p.unplace.hidden = item.placedBy !== 'auto';
    if (p.themes !== model.themes) {
      p.themeSelect.replaceChildren(...model.themes.map((th) => el('option', { value: th.id, text: th.name })));
      p.themes = model.themes;
    }
    p.themeSelect.value = item.theme;
  }

  update(item, model, sources, isSelected, isNew) {
    const changed = this.item?.seq !== item.seq || this.sourceCount !== sources.length
      || this.themesVersion !== model.themes || this.isNew !== isNew;
    this.select.checked = isSelected;
    if (!changed) return;
    this.item = item;
    this.model = model;
    this.sourceCount = sources.length;
    this.themesVersion = model.themes;
    this.isNew = isNew;
    const table = model.tables.get(item.table)?.name ?? '';
    const q = model.questions.get(item.question);
    this.text.textContent = model.shownText(item);
    this.original.hidden = !item.edited;
    this.original.textContent = item.edited ? `${t('dash.original')}: ${item.text}` : '';
    showTableChange(this.byTable, item);
    this.panelRoot.hidden = this.actions.readOnly || !!item.withdrawn;
    this.meta.textContent = t('dash.meta', { table, q: q?.position ?? '?', time: clock(item.created) });
    const line = suggestionText(item, model);
    this.suggestion.hidden = !line;
    this.suggestion.textContent = line;
    this.badges.replaceChildren(
      ...(isNew ? [el('span', { class: 'badge new', text: t('sort.badge_new') })] : []),
      ...(item.highlighted ? [el('span', { class: 'badge highlighted', text: t('dash.badge_highlighted') })] : []),
      ...(item.hidden && !item.withdrawn ? [el('span', { class: 'badge hidden-badge', text: t('dash.badge_hidden') })] : []),
      ...(item.edited ? [el('span', { class: 'badge edited', text: t('dash.badge_edited') })] : []),
      ...(item.placedBy === 'auto' ? [el('span', { class: 'badge auto', text: t('sort.badge_auto') })] : []));
    this.li.classList.toggle('is-highlighted', item.highlighted);
    this.li.classList.toggle('is-hidden', item.hidden);
    this.summary.setAttribute('aria-label', t('dash.actions_for', { table }));
    this.refreshPanel();
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
