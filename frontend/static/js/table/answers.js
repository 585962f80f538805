// The table's answers to one question, newest first: each with the theme it
// was sent under, "Skickat ✓" once the server has it or "Väntar …" while it
// waits in the outbox, and, for a few minutes after the server stored it,
// the table's own "Ändra" and "Ta tillbaka". A correction or withdrawal goes
// through the outbox like an answer (keyed by the answer, so only the latest
// counts and it survives being offline); the server decides whether the
// window is still open.
import { t, clock } from '../common/i18n.js';
import { el } from '../common/dom.js';

export const changeKey = (id) => `change:${id}`;

/**
 * @param {object} ctx  model, outbox, themes (id → name), windowMs, skewMs
 *   (how far this phone's clock runs ahead of the server's), open (the
 *   workshop takes answers), online(), editing (Map id → { mode: 'edit' |
 *   'withdraw', draft }: kept across redraws, so a live change never
 *   loses what is being typed), rerender(), send(key, msg)
 */
export function answerItems(qid, ctx) {
  const { model, outbox } = ctx;
  const waitingChange = new Map();
  for (const e of outbox.entries()) {
    if (e.msg.type === 'correct' || e.msg.type === 'withdraw') waitingChange.set(e.msg.item, e);
  }
  const stored = [...model.items.values()].filter((i) => i.question === qid && !i.withdrawn);
  const pending = outbox.entries().filter((e) => e.msg.type === 'submit' && e.msg.question === qid && !model.items.has(e.key));
  const rows = [
    ...stored.map((i) => ({ created: i.created, node: () => storedItem(i, waitingChange.get(i.id), ctx) })),
    ...pending.map((e) => ({ created: e.created || '', node: () => pendingItem(e, ctx) })),
  ];
  // Newest first: what the table just sent is at the top, under the form.
  rows.sort((a, b) => b.created.localeCompare(a.created));
  return rows.map((r) => r.node());
}

function themeLine(themeId, ctx) {
  const name = themeId && ctx.themes.get(themeId);
  return name ? el('span', { class: 'theme-tag', text: t('phone.theme_shown', { name }) }) : '';
}

function pendingItem(e, ctx) {
  const failed = e.state === 'failed';
  const li = el('li', { class: `input ${failed ? 'failed' : 'waiting'}` },
    el('p', { class: 'text', text: e.msg.text }),
    el('p', { class: 'meta' },
      el('span', { class: 'status', text: failed ? t('phone.status_failed') : waitingText(ctx) }), ' ',
      themeLine(e.msg.theme, ctx)));
  if (failed) {
    li.append(el('p', { class: 'field-error', text: e.error || '' }),
      el('button', { type: 'button', class: 'secondary', text: t('phone.remove_failed'),
        onclick: () => { ctx.outbox.remove(e.key); ctx.rerender(); } }));
  }
  return li;
}

const waitingText = (ctx) => (ctx.online() ? t('phone.status_pending') : t('phone.status_waiting'));

/** Until when (this phone's clock, ms) the table may change an answer. */
export const changeUntil = (item, ctx) => Date.parse(item.created) + ctx.windowMs + ctx.skewMs();

function storedItem(item, change, ctx) {
  const textId = `a-${item.id}`;
  const failed = change?.state === 'failed';
  const correcting = change?.msg.type === 'correct' && !failed;
  const withdrawing = change?.msg.type === 'withdraw' && !failed;
  const text = correcting ? change.msg.text : item.text;
  const status = correcting ? waitingText(ctx) : withdrawing ? t('phone.status_withdrawing') : t('phone.status_sent');
  const li = el('li', { class: `input ${correcting || withdrawing ? 'waiting' : 'sent'}` },
    el('p', { class: 'text', id: textId, tabindex: '-1', text }),
    el('p', { class: 'meta' },
      el('span', { class: 'status', text: status }), ' ',
      el('span', { class: 'when', text: clock(item.created) }), ' ',
      item.corrected || correcting ? el('span', { class: 'changed', text: t('phone.corrected') }) : '', ' ',
      themeLine(item.chosenTheme, ctx)));
  li.dataset.id = item.id;
  if (failed) {
    li.append(el('p', { class: 'field-error', text: change.error || '' }),
      el('button', { type: 'button', class: 'secondary', text: t('phone.dismiss'),
        onclick: () => { ctx.outbox.remove(change.key); ctx.rerender(); } }));
  }
  const until = changeUntil(item, ctx);
  if (!ctx.open || correcting || withdrawing || Date.now() >= until) return li;
  const state = ctx.editing.get(item.id);
  if (state?.mode === 'edit') li.append(editForm(item, text, state, ctx));
  else if (state?.mode === 'withdraw') li.append(withdrawConfirm(item, ctx));
  else {
    li.append(el('div', { class: 'answer-actions' },
      el('button', { type: 'button', class: 'secondary', id: `chg-${item.id}`, 'aria-describedby': textId, text: t('phone.correct'),
        onclick: () => { ctx.editing.set(item.id, { mode: 'edit' }); ctx.rerender(); focusIn(item.id, 'textarea'); } }),
      el('button', { type: 'button', class: 'secondary', id: `wd-${item.id}`, 'aria-describedby': textId, text: t('phone.withdraw'),
        onclick: () => { ctx.editing.set(item.id, { mode: 'withdraw' }); ctx.rerender(); focusIn(item.id, 'button'); } }),
      el('span', { class: 'until', text: t('phone.change_until', { time: clock(new Date(until - ctx.skewMs()).toISOString()) }) })));
  }
  return li;
}

export function focusIn(id, selector) {
  document.querySelector(`li[data-id="${id}"] ${selector}`)?.focus();
}

function editForm(item, text, state, ctx) {
  const fid = `edit-${item.id}`;
  const area = el('textarea', { id: fid, rows: '3', oninput: () => { state.draft = area.value; } });
  area.value = state.draft ?? text;
  const error = el('p', { class: 'field-error', id: `${fid}-err` });
  area.setAttribute('aria-describedby', error.id);
  const close = () => { ctx.editing.delete(item.id); ctx.rerender(); focusIn(item.id, `#chg-${item.id}`); };
  return el('form', { class: 'edit', novalidate: '',
    onsubmit: (ev) => {
      ev.preventDefault();
      const value = area.value.trim();
      if (!value) {
        error.textContent = t('phone.error_empty');
        area.setAttribute('aria-invalid', 'true');
        area.focus();
        return;
      }
      ctx.editing.delete(item.id);
      ctx.send(changeKey(item.id), { type: 'correct', item: item.id, text: value });
    } },
  el('label', { for: fid, text: t('phone.correct_label') }), error, area,
  el('div', { class: 'answer-actions' },
    el('button', { type: 'submit', class: 'primary', id: `save-${item.id}`, text: t('phone.correct_save') }),
    el('button', { type: 'button', class: 'secondary', id: `cancel-${item.id}`, text: t('phone.cancel'), onclick: close })));
}

function withdrawConfirm(item, ctx) {
  return el('div', { class: 'confirm' },
    el('p', { text: t('phone.withdraw_confirm') }),
    el('div', { class: 'answer-actions' },
      el('button', { type: 'button', class: 'danger', id: `wdy-${item.id}`, text: t('phone.withdraw_yes'),
        onclick: () => { ctx.editing.delete(item.id); ctx.send(changeKey(item.id), { type: 'withdraw', item: item.id }); } }),
      el('button', { type: 'button', class: 'secondary', id: `wdn-${item.id}`, text: t('phone.cancel'),
        onclick: () => { ctx.editing.delete(item.id); ctx.rerender(); focusIn(item.id, `#wd-${item.id}`); } })));
}
