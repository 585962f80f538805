// The answer form with JavaScript: drafts are saved over the websocket a
// moment after typing stops, and kept in localStorage until the server has
// them, so nothing typed is lost on a flaky connection or a closed tab.
// Colleagues with the same private link see each other's saved drafts.
// The form itself stays a plain POST form (see remiss_form.html).
import { LiveSocket } from '../common/socket.js';
import { t, clock } from '../common/i18n.js';

const SAVE_AFTER_MS = 1500;

const form = document.getElementById('answer');
const status = document.getElementById('autosave');
const token = form.dataset.token;
const storeKey = `samrad-remiss:${token}`;
let rev = Number(form.dataset.rev) || 0; // the server draft the form shows
let dirty = false; // typed since the last draft the server confirmed
let inFlight = false; // a draft is on its way
let sentAfterEdit = false;
let timer = null;

const sections = [...form.querySelectorAll('[data-section]')].map((el) => el.dataset.section);
const plainFields = {
  organisation: 'organisation', orgNumber: 'org_number', contact: 'contact', email: 'email',
  decidedBy: 'decided_by', decidedOn: 'decided_on', summary: 'summary', general: 'general', other: 'other',
};

function field(name) {
  return form.elements.namedItem(name);
}

/** The form as a domain.Answer. */
function answer() {
  const a = { sections: {} };
  for (const [key, name] of Object.entries(plainFields)) a[key] = field(name)?.value ?? '';
  for (const id of sections) {
    const checked = form.querySelector(`input[name="s-${id}-stance"]:checked`);
    a.sections[id] = { stance: checked ? checked.value : '', comment: field(`s-${id}-comment`)?.value ?? '' };
  }
  const removed = field('remove_attachment')?.checked;
  a.attachmentId = removed ? '' : (field('attachment_id')?.value ?? '');
  return a;
}

/** Puts an answer into the form (a colleague's draft, or text kept locally). */
function fill(a) {
  for (const [key, name] of Object.entries(plainFields)) {
    const el = field(name);
    if (el && typeof a[key] === 'string') el.value = a[key];
  }
  for (const id of sections) {
    const sa = a.sections?.[id] ?? { stance: '', comment: '' };
    for (const radio of form.querySelectorAll(`input[name="s-${id}-stance"]`)) radio.checked = radio.value === (sa.stance ?? '');
    const c = field(`s-${id}-comment`);
    if (c) c.value = sa.comment ?? '';
  }
}

function say(text, state = 'ok') {
  status.hidden = false;
  status.dataset.state = state;
  status.textContent = text;
}

function keepLocally() {
  try {
    localStorage.setItem(storeKey, JSON.stringify({ answer: answer(), rev, dirty, at: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the server copy is all there is.
  }
}

function readLocal() {
  try {
    return JSON.parse(localStorage.getItem(storeKey) || 'null');
  } catch {
    return null;
  }
}

function send() {
  clearTimeout(timer);
  if (!dirty || inFlight) return;
  inFlight = true;
  sentAfterEdit = false;
  say(t('remiss.auto.saving'));
  socket.request({ type: 'draft', answer: answer() }).then((reply) => {
    inFlight = false;
    rev = reply.rev;
    form.elements.namedItem('rev').value = String(rev);
    if (!sentAfterEdit) dirty = false;
    keepLocally();
    say(t('remiss.auto.saved', { time: clock(new Date().toISOString()) }));
    if (dirty) timer = setTimeout(send, SAVE_AFTER_MS);
  }, (err) => {
    inFlight = false;
    if (err.disconnected) {
      say(t('remiss.auto.offline'), 'error'); // sent again when the line is back (onOpen)
      return;
    }
    say(err.message, 'error');
    if (err.retry) timer = setTimeout(send, SAVE_AFTER_MS * 4);
  });
}

function edited() {
  dirty = true;
  sentAfterEdit = true;
  keepLocally();
  clearTimeout(timer);
  timer = setTimeout(send, SAVE_AFTER_MS);
}

function receive(msg) {
  switch (msg.type) {
    case 'snapshot': {
      const d = msg.data?.draft;
      if (d && d.rev > rev && !dirty) {
        fill(d.answer);
        rev = d.rev;
        keepLocally();
        say(t('remiss.auto.newer', { time: clock(d.updated) }));
      }
      break;
    }
    case 'draft': // a colleague saved
      if (!msg.data || msg.data.rev <= rev) break;
      if (dirty) {
        say(t('remiss.auto.colleague_conflict'), 'error');
        break;
      }
      fill(msg.data.answer);
      rev = msg.data.rev;
      keepLocally();
      say(t('remiss.auto.colleague', { time: clock(msg.data.updated) }));
      break;
    case 'submitted':
      say(t('remiss.auto.submitted', { version: msg.data.version, reference: msg.data.reference }));
      break;
    default:
  }
}

const socket = new LiveSocket(`/ws/remiss/${encodeURIComponent(token)}`, {
  onSnapshot: receive,
  onChange: receive,
  onState(state) {
    if (state === 'offline' && dirty) say(t('remiss.auto.offline'), 'error');
  },
  onOpen() {
    if (dirty) send();
  },
  onNotice: (text) => say(text, 'error'),
});

// Text typed earlier that the server never confirmed (a lost connection, a
// closed tab) comes back first.
const local = readLocal();
if (local?.dirty && local.answer) {
  fill(local.answer);
  dirty = true;
  say(t('remiss.auto.restored'));
}

form.addEventListener('input', edited);
form.addEventListener('change', edited);
form.addEventListener('submit', () => {
  // The server now has what the form sends; a failed request leaves the
  // text in the form, where the browser keeps it.
  clearTimeout(timer);
  dirty = false;
  keepLocally();
});
window.addEventListener('pagehide', () => {
  if (dirty) keepLocally();
});
document.getElementById('error-summary')?.focus();
socket.start();
