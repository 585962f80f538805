// The working group's notes and summaries, live: a colleague's saved note
// or summary fills the forms on this page that the person has not touched.
// A form the person has typed in keeps their text and shows the colleague's
// version under it, with "Behåll min text" (save on top of the colleague's)
// and "Använd kollegans text". Saving stays a plain form post, which the
// server refuses if a colleague saved in between (the page then shows both).
import { LiveSocket } from '../common/socket.js';
import { el, Announcer } from '../common/dom.js';
import { t, dateTime } from '../common/i18n.js';

const live = JSON.parse(document.getElementById('analysis-live')?.textContent || '{}');
const main = document.getElementById('main');
const announcer = new Announcer(main.appendChild(el('p', { class: 'visually-hidden', role: 'status' })), 1500);

/**
 * One note or summary on the page: its form's fields (none for readers),
 * the values last put in them from the server, and its stamp.
 */
class Unit {
  constructor(box, kind) {
    this.box = box;
    this.kind = kind;
    this.label = box.dataset.label;
    this.form = box.querySelector('form');
    if (this.form) {
      this.base = this.form.elements.namedItem('base');
      this.text = this.form.querySelector('textarea');
      this.action = this.form.querySelector('select');
      // A form the server drew back with the person's own text (a save that
      // met a colleague's) counts as typed in.
      this.applied = box.hasAttribute('data-typed') ? null : this.values();
    }
  }

  values() {
    return { text: this.text.value, action: this.action?.value ?? '' };
  }

  edited() {
    const now = this.values();
    return !this.applied || now.text.trim() !== this.applied.text.trim() || now.action !== this.applied.action;
  }

  /** Puts the server's version in the form (and the reader's text). */
  fill(v) {
    if (this.form) {
      this.text.value = v.text;
      if (this.action) this.action.value = v.action;
      this.base.value = v.stamp;
      this.applied = { text: v.text, action: v.action };
      const updated = this.box.querySelector('.note-updated');
      updated.hidden = !v.by;
      updated.textContent = v.by ? t('remiss.note.updated', { by: v.by, when: dateTime(v.updated) }) : '';
      return;
    }
    if (this.kind === 'note') {
      this.box.querySelector('.note-read').hidden = !v.text && !v.action;
      this.box.querySelector('.note-comment').textContent = v.text;
      this.box.querySelector('.note-action').textContent = t(`remiss.action.${v.action || 'undecided'}`);
    } else {
      const text = this.box.querySelector('.summary-text');
      text.textContent = v.text;
      text.hidden = !v.text;
      this.box.querySelector('.summary-none').hidden = !!v.text;
    }
  }

  /** A colleague's version arrived. Returns what happened to this form. */
  receive(v) {
    if (!this.form) {
      this.fill(v);
      return 'filled';
    }
    if (v.stamp === this.base.value && !this.theirs) return '';
    if (!this.edited()) {
      this.fill(v);
      return 'filled';
    }
    const now = this.values();
    if (now.text.trim() === v.text.trim() && now.action === v.action) {
      this.fill(v);
      return '';
    }
    this.theirs = v;
    this.showConflict();
    return 'conflict';
  }

  readable(v) {
    const text = v.text || t('remiss.coedit.empty');
    return this.kind === 'note' ? `${text} (${t(`remiss.action.${v.action || 'undecided'}`)})` : text;
  }

  showConflict() {
    const id = `${this.box.id}-conflict`;
    let panel = document.getElementById(id);
    if (!panel) {
      const hidden = () => el('span', { class: 'visually-hidden', text: ` – ${this.label}` });
      panel = el('div', { class: 'conflict', id, role: 'group', 'aria-labelledby': `${id}-h` },
        el('p', { class: 'conflict-head', id: `${id}-h` }, el('strong', { text: t('remiss.coedit.changed') }), hidden()),
        el('p', { text: `${t('remiss.coedit.mine_kept')} ${t('remiss.coedit.theirs')}` }),
        el('div', { class: 'theirs' }),
        el('div', { class: 'row' },
          el('button', { type: 'button', class: 'small', onclick: () => this.keepMine() }, t('remiss.coedit.keep_mine'), hidden()),
          el('button', { type: 'button', class: 'small', onclick: () => this.useTheirs() }, t('remiss.coedit.use_theirs'), hidden())));
      this.text.after(panel);
      this.text.setAttribute('aria-describedby', `${id}-h`);
    }
    panel.querySelector('.theirs').textContent = this.readable(this.theirs);
  }

  settle(message) {
    document.getElementById(`${this.box.id}-conflict`)?.remove();
    this.text.removeAttribute('aria-describedby');
    this.theirs = null;
    this.text.focus();
    announcer.say(t(message, { field: this.label }));
  }

  /** The person's text stays, to be saved on top of the colleague's. */
  keepMine() {
    const v = this.theirs;
    this.base.value = v.stamp;
    this.applied = { text: v.text, action: v.action };
    this.settle('remiss.coedit.kept_form');
  }

  useTheirs() {
    this.fill(this.theirs);
    this.settle('remiss.coedit.took');
  }
}

const notes = new Map(); // "<respondent>/<part>" → Unit
const summaries = new Map(); // part → Unit
for (const box of document.querySelectorAll('.note[data-respondent]')) {
  notes.set(`${box.dataset.respondent}/${box.dataset.part}`, new Unit(box, 'note'));
}
for (const box of document.querySelectorAll('.summary-box[data-part]')) summaries.set(box.dataset.part, new Unit(box, 'summary'));

const noteValue = (n) => ({ text: n?.comment ?? '', action: n?.action ?? '', stamp: n?.stamp ?? '', by: n?.updatedBy ?? '', updated: n?.updated });
const summaryValue = (m) => ({ text: m?.text ?? '', action: '', stamp: m?.stamp ?? '', by: m?.updatedBy ?? '', updated: m?.updated });

function report(results) {
  const conflicts = results.filter(([what]) => what === 'conflict').map(([, u]) => u.label);
  const filled = results.filter(([what]) => what === 'filled').map(([, u]) => u.label);
  if (conflicts.length) announcer.say(t('remiss.coedit.conflict_live', { field: conflicts.join(', ') }));
  else if (filled.length) announcer.say(t('remiss.auto.colleague', { field: filled.join(', ') }));
}

function receive(msg) {
  const results = [];
  if (msg.type === 'snapshot') {
    // Everything as it is now: what this page missed comes in like a change.
    for (const [key, u] of notes) results.push([u.receive(noteValue(msg.data.notes?.[key])), u]);
    for (const [part, u] of summaries) results.push([u.receive(summaryValue(msg.data.summaries?.[part])), u]);
  } else if (msg.type === 'note') {
    const u = notes.get(`${msg.data.respondent}/${msg.data.part}`);
    if (u) results.push([u.receive(noteValue(msg.data)), u]);
  } else if (msg.type === 'summary') {
    const u = summaries.get(msg.data.part);
    if (u) results.push([u.receive(summaryValue(msg.data)), u]);
  }
  report(results);
}

if ((notes.size || summaries.size) && live.consultation) {
  new LiveSocket(`/ws/consultation/${encodeURIComponent(live.consultation)}`, { onSnapshot: receive, onChange: receive },
    { epoch: live.epoch, seq: live.seq }).start();
}
