// Session expiry: warn before the login runs out, let the user stay logged
// in with one button (WCAG 2.2.1), and never lose what was typed: text
// fields are kept in sessionStorage until their form is sent while the
// session is still valid, and put back after logging in again.
import { t } from './i18n.js';
import { el } from './dom.js';

const WARN_BEFORE = 5 * 60 * 1000;
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || '';
// The server says how many seconds are left, not when: the two clocks may differ.
let ends = Date.now() + Number(meta('session-seconds')) * 1000;
let timer = 0;
let dialog = null;

const draftKey = (form, field) => `draft:${location.pathname}:${form.getAttribute('action') || ''}:${field.name}`;
const keptFields = (form) => [...form.elements].filter((f) => f.name && !f.readOnly && !f.disabled
  && (f.tagName === 'TEXTAREA' || (f.tagName === 'INPUT' && ['text', 'search', 'email', 'url', 'number', 'date'].includes(f.type))));

function keepDrafts() {
  for (const form of document.querySelectorAll('main form[method="post"]')) {
    for (const field of keptFields(form)) {
      const saved = sessionStorage.getItem(draftKey(form, field));
      if (saved !== null && saved !== field.value) {
        field.value = saved;
        // A restored form is shown open, so the text is seen.
        field.closest('details')?.setAttribute('open', '');
      }
      field.addEventListener('input', () => sessionStorage.setItem(draftKey(form, field), field.value));
    }
    form.addEventListener('submit', (ev) => {
      if (Date.now() >= ends) {
        ev.preventDefault();
        show(true);
        return;
      }
      for (const field of keptFields(form)) sessionStorage.removeItem(draftKey(form, field));
    });
  }
}

function minutesLeft() {
  return Math.max(1, Math.ceil((ends - Date.now()) / 60000));
}

function show(expired) {
  if (!dialog) {
    dialog = el('dialog', { class: 'session-dialog', 'aria-labelledby': 'session-h', 'aria-describedby': 'session-p' });
    document.body.append(dialog);
  }
  const mode = expired ? 'expired' : 'warning';
  if (dialog.open && dialog.dataset.mode === mode) {
    // Only the minutes change; moving focus again would interrupt a screen reader.
    if (!expired) dialog.querySelector('#session-p').textContent = t('session.warning_text', { minutes: minutesLeft() });
    return;
  }
  dialog.dataset.mode = mode;
  const heading = el('h2', { id: 'session-h', text: t(expired ? 'session.expired_title' : 'session.warning_title') });
  const text = el('p', { id: 'session-p', text: expired ? t('session.expired_text') : t('session.warning_text', { minutes: minutesLeft() }) });
  const buttons = expired
    ? [el('a', { class: 'button primary', href: `/login?next=${encodeURIComponent(location.pathname)}`, target: '_blank', rel: 'noopener',
      text: t('session.login_again') }),
    el('button', { type: 'button', text: t('session.close'), onclick: () => dialog.close() })]
    : [el('button', { type: 'button', class: 'primary', text: t('session.stay'), onclick: extend }),
      el('button', { type: 'button', text: t('session.close'), onclick: () => dialog.close() })];
  dialog.replaceChildren(heading, text, el('div', { class: 'row' }, ...buttons));
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('.primary')?.focus();
}

async function extend() {
  try {
    const res = await fetch('/admin/session', { method: 'POST', headers: { 'X-Csrf-Token': meta('csrf-token') }, credentials: 'same-origin' });
    if (!res.ok) throw new Error(String(res.status));
    ends = Date.now() + (await res.json()).seconds * 1000;
    dialog.close();
    schedule();
  } catch {
    ends = Date.now();
    show(true);
  }
}

function schedule() {
  clearTimeout(timer);
  const now = Date.now();
  if (now >= ends) {
    show(true);
    return;
  }
  if (now >= ends - WARN_BEFORE) {
    show(false);
    timer = setTimeout(schedule, Math.min(60000, ends - now));
    return;
  }
  timer = setTimeout(schedule, ends - WARN_BEFORE - now);
}

if (Number(meta('session-seconds')) > 0) {
  keepDrafts();
  schedule();
  // Timers sleep in background tabs and laptops; look again on return.
  document.addEventListener('visibilitychange', () => { if (!document.hidden) schedule(); });
}
