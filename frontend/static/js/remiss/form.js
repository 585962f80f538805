// The answer form with JavaScript. Colleagues with the same private link
// edit one draft at the same time, field by field:
//
// - What the person changes is saved a moment after typing stops, through
//   the outbox (kept in localStorage, sent when the line is back, retried):
//   only the changed fields, each with the draft revision it was typed over.
// - A colleague's saved change fills the fields this person has not
//   touched. A field both changed shows the colleague's version under the
//   person's own text, with "Behåll min text" and "Använd kollegans text";
//   until the person chooses, their text stays in the field and in local
//   storage, and is not sent. Nothing typed is replaced without a choice.
//
// The form itself stays a plain POST form (see remiss_form.html): without
// scripts a post saves the fields the person changed, and shows both texts
// where a colleague changed the same field first.
import { LiveSocket } from '../common/socket.js';
import { Outbox } from '../common/outbox.js';
import { uuidv7 } from '../common/uuid.js';
import { el, Announcer } from '../common/dom.js';
import { t, clock } from '../common/i18n.js';

const SAVE_AFTER_MS = 1500;
const KEY = 'draft'; // the outbox entry: only the latest patch counts

const form = document.getElementById('answer');
const status = document.getElementById('autosave');
const token = form.dataset.token;
const initial = JSON.parse(document.getElementById('draft-state')?.textContent || '{}');
const heldKey = `samrad:remiss-held:${token}`;
const legacyKey = `samrad-remiss:${token}`; // what the form kept before drafts were saved field by field

const sections = [...form.querySelectorAll('[data-section]')].map((s) => s.dataset.section);
const FIELDS = ['organisation', 'org_number', 'contact', 'email', 'decided_by', 'decided_on', 'summary', 'general',
  ...sections.flatMap((id) => [`s-${id}-stance`, `s-${id}-comment`]), 'other', 'attachment', 'publish'];
const isChoice = (f) => f === 'publish' || f.endsWith('-stance');

/** This tab's own id: the server tells a form's own earlier saves from a colleague's by it. */
function tabId() {
  const k = `samrad:remiss-author:${token}`;
  try {
    let id = sessionStorage.getItem(k);
    if (!id) {
      id = uuidv7();
      sessionStorage.setItem(k, id);
    }
    return id;
  } catch {
    return uuidv7();
  }
}
const author = tabId();

const known = new Map(); // field → {value, rev, by}: the draft as the server last told it
const base = new Map(); // field → rev: changed here, not yet confirmed, and the revision typed over
const held = new Map(); // field → {value, rev}: a colleague's version of a field changed here too
let attachmentName = initial.attachmentName || '';
for (const f of FIELDS) known.set(f, initial.fields?.[f] ?? { value: '', rev: 0 });

// The server cleans what it stores (trims, joins white space on one-line
// fields, NFC); the same text typed with a trailing space is the same text.
const norm = (s) => String(s ?? '').replace(/\r\n?/g, '\n').normalize('NFC')
  .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '').trim().replace(/\s+/g, ' ');
const same = (a, b) => norm(a) === norm(b);

const announcer = new Announcer(form.insertAdjacentElement('afterbegin',
  el('p', { class: 'visually-hidden', role: 'status', id: 'coedit-live' })), 1500);

function input(name) {
  return form.elements.namedItem(name);
}

function radios(f) {
  return [...form.querySelectorAll(`input[type="radio"][name="${CSS.escape(f)}"]`)];
}

function read(f) {
  if (f === 'attachment') return input('remove_attachment')?.checked ? '' : (input('attachment_id')?.value ?? '');
  if (isChoice(f)) return radios(f).find((r) => r.checked)?.value ?? '';
  return input(f)?.value ?? '';
}

function write(f, value) {
  if (f === 'attachment') {
    input('attachment_id').value = value;
    input('remove_attachment').checked = false;
    const shown = document.getElementById('attached');
    shown.textContent = value ? t('remiss.form.attached', { name: attachmentName }) : '';
    shown.hidden = !value;
    document.getElementById('remove-attachment-box').hidden = !value;
    return;
  }
  if (isChoice(f)) {
    for (const r of radios(f)) r.checked = r.value === value;
    return;
  }
  const field = input(f);
  if (field) field.value = value;
}

/** The field's control that takes focus (a radio group: its chosen option). */
function control(f) {
  if (f === 'attachment') return document.getElementById('attachment');
  if (isChoice(f)) return radios(f).find((r) => r.checked) ?? radios(f)[0];
  return input(f);
}

/** The field's name as the form labels it. */
function labelOf(f) {
  if (isChoice(f)) return radios(f)[0]?.closest('fieldset')?.querySelector('legend')?.textContent.trim() ?? f;
  return control(f)?.labels?.[0]?.textContent.trim() ?? f;
}

/** A value as a person reads it: the text, the chosen option's label, the file's name. */
function readable(f, value) {
  if (f === 'attachment') return value ? attachmentName : t('remiss.coedit.no_file');
  if (isChoice(f)) {
    const option = radios(f).find((r) => r.value === value);
    return option ? option.labels[0].textContent.trim() : t('remiss.coedit.unanswered');
  }
  return value || t('remiss.coedit.empty');
}

function say(text, state = 'ok') {
  status.hidden = false;
  status.dataset.state = state;
  status.textContent = text;
}

// --- Conflicts: both versions, and the person's choice -------------------

function keepHeld() {
  try {
    if (!held.size) {
      localStorage.removeItem(heldKey);
      return;
    }
    const out = {};
    for (const [f, h] of held) out[f] = { mine: read(f), value: h.value, rev: h.rev };
    localStorage.setItem(heldKey, JSON.stringify(out));
  } catch {
    // Storage full or blocked: the text is still in the field.
  }
}

function describe(f, on) {
  const target = isChoice(f) ? radios(f)[0]?.closest('fieldset') : control(f);
  if (!target) return;
  const ids = new Set((target.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
  if (on) ids.add(`${f}-conflict-h`);
  else ids.delete(`${f}-conflict-h`);
  if (ids.size) target.setAttribute('aria-describedby', [...ids].join(' '));
  else target.removeAttribute('aria-describedby');
}

function showConflict(f) {
  const h = held.get(f);
  let box = document.getElementById(`${f}-conflict`);
  if (!box) {
    const label = labelOf(f);
    box = el('div', { class: 'conflict', id: `${f}-conflict`, role: 'group', 'aria-labelledby': `${f}-conflict-h` },
      el('p', { class: 'conflict-head', id: `${f}-conflict-h` },
        el('strong', { text: t('remiss.coedit.changed') }), el('span', { class: 'visually-hidden', text: ` ${label}` })),
      el('p', { text: `${t('remiss.coedit.mine_kept')} ${t('remiss.coedit.theirs')}` }),
      el('div', { class: 'theirs' }),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'small', onclick: () => keepMine(f) },
          t('remiss.coedit.keep_mine'), el('span', { class: 'visually-hidden', text: ` – ${label}` })),
        el('button', { type: 'button', class: 'small', onclick: () => useTheirs(f) },
          t('remiss.coedit.use_theirs'), el('span', { class: 'visually-hidden', text: ` – ${label}` }))));
    const anchor = isChoice(f) ? radios(f)[0]?.closest('fieldset') : control(f);
    anchor.after(box);
    describe(f, true);
  }
  box.querySelector('.theirs').textContent = readable(f, h.value);
}

function settle(f, message) {
  document.getElementById(`${f}-conflict`)?.remove();
  describe(f, false);
  keepHeld();
  control(f)?.focus();
  if (message) announcer.say(t(message, { field: labelOf(f) }));
}

/** The person's own text counts: saved on top of the colleague's. */
function keepMine(f) {
  const h = held.get(f);
  if (!h) return;
  held.delete(f);
  base.set(f, h.rev);
  settle(f, 'remiss.coedit.kept');
  save();
}

/** The colleague's text counts: it replaces the person's in the field. */
function useTheirs(f) {
  const h = held.get(f);
  if (!h) return;
  held.delete(f);
  base.delete(f);
  write(f, h.value);
  settle(f, 'remiss.coedit.took');
}

function hold(f, value, rev) {
  base.delete(f);
  held.set(f, { value, rev });
  showConflict(f);
  keepHeld();
}

// --- Saving ---------------------------------------------------------------

let timer = null;

function patch() {
  const p = {};
  for (const [f, b] of base) p[f] = { base: b, value: read(f) };
  return p;
}

/** Puts what changed here in the outbox now (it goes out at once when connected). */
function save() {
  clearTimeout(timer);
  if (!base.size) {
    outbox.remove(KEY);
    return;
  }
  outbox.put(KEY, { type: 'draft', author, patch: patch() });
  say(t(socket.ready ? 'remiss.auto.saving' : 'remiss.auto.offline'), socket.ready ? 'ok' : 'error');
}

function fieldOf(target) {
  if (target.name === 'remove_attachment') return 'attachment';
  return FIELDS.includes(target.name) && target.name !== 'attachment' ? target.name : null;
}

function edited(ev) {
  const f = fieldOf(ev.target);
  if (!f) return;
  if (held.has(f)) {
    keepHeld(); // the person's text goes on growing beside the colleague's
    return;
  }
  if (!base.has(f)) base.set(f, known.get(f).rev);
  clearTimeout(timer);
  timer = setTimeout(save, SAVE_AFTER_MS);
}

function confirmed(entry, reply) {
  const conflicts = reply.conflicts || {};
  for (const [f, sent] of Object.entries(entry.msg.patch)) {
    const c = conflicts[f];
    if (c) {
      known.set(f, c);
      if (!base.has(f)) continue;
      if (same(read(f), c.value)) base.delete(f);
      else {
        hold(f, c.value, c.rev);
        announcer.say(t('remiss.coedit.conflict_live', { field: labelOf(f) }));
      }
      continue;
    }
    known.set(f, { value: sent.value, rev: reply.rev, by: author });
    if (!base.has(f)) continue;
    if (same(read(f), sent.value)) base.delete(f);
    else base.set(f, reply.rev);
  }
  say(t('remiss.auto.saved', { time: clock(new Date().toISOString()) }));
}

// --- A colleague's changes ------------------------------------------------

/**
 * Takes the server's state of one field: fills it if this person has not
 * touched it, keeps both versions if they have. Returns what happened.
 */
function absorb(f, s) {
  const k = known.get(f);
  if (!k || s.rev < k.rev) return '';
  known.set(f, s);
  const h = held.get(f);
  if (h) {
    if (same(read(f), s.value)) {
      held.delete(f);
      settleQuietly(f);
    } else {
      held.set(f, { value: s.value, rev: s.rev });
      showConflict(f);
      keepHeld();
    }
    return '';
  }
  if (base.has(f)) {
    if (same(read(f), s.value)) {
      base.delete(f);
      return '';
    }
    if ((s.by && s.by === author) || s.rev <= base.get(f)) return '';
    hold(f, s.value, s.rev);
    return 'conflict';
  }
  if (same(read(f), s.value)) return '';
  write(f, s.value);
  return 'filled';
}

function settleQuietly(f) {
  document.getElementById(`${f}-conflict`)?.remove();
  describe(f, false);
  keepHeld();
}

function absorbAll(fields, name) {
  if (name !== undefined) attachmentName = name;
  const filled = [];
  const conflicts = [];
  for (const f of FIELDS) {
    if (!(f in fields)) continue;
    const what = absorb(f, fields[f]);
    if (what === 'filled') filled.push(labelOf(f));
    if (what === 'conflict') conflicts.push(labelOf(f));
  }
  if (conflicts.length) {
    // What waits to be sent no longer carries those fields.
    if (outbox.get(KEY)) save();
    announcer.say(t('remiss.coedit.conflict_live', { field: conflicts.join(', ') }));
  } else if (filled.length) {
    announcer.say(t('remiss.auto.colleague', { field: filled.join(', ') }));
  }
}

function receive(msg) {
  switch (msg.type) {
    case 'snapshot': {
      const d = msg.data?.draft;
      const fields = { ...d?.fields };
      for (const f of FIELDS) fields[f] ??= { value: '', rev: 0 };
      absorbAll(fields, d?.attachmentName ?? '');
      break;
    }
    case 'draft':
      absorbAll(msg.data?.fields || {}, msg.data?.attachmentName);
      break;
    case 'submitted':
      if (msg.data?.draft) absorbAll(msg.data.draft.fields || {}, msg.data.draft.attachmentName);
      say(t('remiss.auto.submitted', { version: msg.data.version, reference: msg.data.reference }));
      break;
    default:
  }
}

// --- Start ------------------------------------------------------------------

const outbox = new Outbox(`samrad:outbox:remiss:${token}`, {
  onDone: confirmed,
  onFailed: (entry) => say(entry.error, 'error'),
});

const socket = new LiveSocket(`/ws/remiss/${encodeURIComponent(token)}`, {
  onSnapshot: receive,
  onChange: receive,
  onState(state) {
    if (state === 'offline' && base.size) say(t('remiss.auto.offline'), 'error');
  },
  onOpen() {
    outbox.flush();
  },
  onNotice: (text) => say(text, 'error'),
});
outbox.attach(socket);

function readJSON(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    return null;
  }
}

/** An older page's whole answer, as the fields it names. */
function legacyFields(a) {
  const out = {
    organisation: a.organisation, org_number: a.orgNumber, contact: a.contact, email: a.email,
    decided_by: a.decidedBy, decided_on: a.decidedOn, summary: a.summary, general: a.general, other: a.other,
  };
  for (const id of sections) {
    out[`s-${id}-stance`] = a.sections?.[id]?.stance ?? '';
    out[`s-${id}-comment`] = a.sections?.[id]?.comment ?? '';
  }
  return out;
}

/**
 * Puts back what this browser kept and the server does not have yet: both
 * versions the server drew after a post, what waited in the outbox, open
 * conflicts, an older page's copy. Returns whether anything came back.
 */
function restore() {
  let any = false;
  for (const box of form.querySelectorAll('.conflict[data-field]')) {
    const f = box.dataset.field;
    box.remove();
    const k = known.get(f);
    if (k && !same(read(f), k.value)) held.set(f, { value: k.value, rev: k.rev });
  }
  for (const [f, p] of Object.entries(outbox.get(KEY)?.msg?.patch || {})) {
    if (!known.has(f) || held.has(f) || same(p.value, known.get(f).value)) continue;
    write(f, p.value);
    base.set(f, p.base);
    any = true;
  }
  for (const [f, h] of Object.entries(readJSON(heldKey) || {})) {
    if (!known.has(f) || held.has(f) || same(h.mine, known.get(f).value)) continue;
    write(f, h.mine);
    base.delete(f);
    held.set(f, { value: known.get(f).value, rev: known.get(f).rev });
    any = true;
  }
  const legacy = readJSON(legacyKey);
  if (legacy?.dirty && legacy.answer) {
    for (const [f, v] of Object.entries(legacyFields(legacy.answer))) {
      if (typeof v !== 'string' || base.has(f) || held.has(f) || same(v, known.get(f).value)) continue;
      write(f, v);
      base.set(f, Number(legacy.rev) || 0);
      any = true;
    }
  }
  try {
    localStorage.removeItem(legacyKey);
  } catch {
    // Nothing kept there.
  }
  // What the page shows beyond the draft (an invited organisation's name,
  // a sent version, a form back with errors) goes with the next save.
  for (const f of FIELDS) {
    if (!base.has(f) && !held.has(f) && !same(read(f), known.get(f).value)) base.set(f, known.get(f).rev);
  }
  for (const f of held.keys()) showConflict(f);
  keepHeld();
  return any;
}

if (restore()) {
  save();
  say(t('remiss.auto.restored'));
} else {
  outbox.remove(KEY);
}

form.addEventListener('input', edited);
form.addEventListener('change', edited);
form.addEventListener('submit', (ev) => {
  if (held.size) {
    // Both versions of a field wait for the person's choice.
    ev.preventDefault();
    say(t('remiss.coedit.choose_first'), 'error');
    document.getElementById(`${held.keys().next().value}-conflict`)?.querySelector('button')?.focus();
    return;
  }
  const file = input('attachment')?.files?.length > 0;
  if (ev.submitter?.value === 'draft' && !file) {
    // Saved over the websocket, like typing: no page load.
    ev.preventDefault();
    if (base.size) save();
    else say(t('remiss.auto.saved', { time: clock(new Date().toISOString()) }));
    return;
  }
  // The post carries the whole form; it saves the fields changed here, each
  // on the revision it was typed over. The outbox keeps them too, in case
  // the post does not get through.
  if (file && !base.has('attachment')) base.set('attachment', known.get('attachment').rev);
  if (base.size) outbox.put(KEY, { type: 'draft', author, patch: patch() });
  for (const [name, value] of [['bases', JSON.stringify(Object.fromEntries(base))], ['author', author]]) {
    let hidden = input(name);
    if (!hidden) {
      hidden = el('input', { type: 'hidden', name });
      form.append(hidden);
    }
    hidden.value = value;
  }
});
const keepNow = () => {
  if (base.size) save();
};
window.addEventListener('pagehide', keepNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') keepNow();
});
document.getElementById('error-summary')?.focus();
socket.start();
