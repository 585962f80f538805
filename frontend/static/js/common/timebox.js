// Time boxes on the live pages (phone, dashboard, projector): a countdown to
// the open question's deadline, counted on the server's clock. A device's
// own clock may be minutes off; every message that carries a deadline also
// carries the server's time ("now"), and the page counts from the difference
// between the two clocks, never from its own idea of the time.
//
// The seconds tick on screen only (aria-hidden): a screen reader hears "2
// minuter kvar", "1 minut kvar" and "Tiden är ute" once each, through the
// page's one polite live region, and finds the minutes left as text where the
// countdown stands.
import { t } from './i18n.js';
import { el } from './dom.js';

// Milliseconds to add to this device's clock to get the server's; null
// until a message has told the server's time.
let offset = null;

function observe(iso) {
  const at = Date.parse(iso);
  if (!Number.isNaN(at)) offset = at - Date.now();
}

/** The server's clock now, in milliseconds (this device's until one is known). */
export function serverNow() {
  return Date.now() + (offset ?? 0);
}

// Moments announced to screen readers, in seconds left.
const MOMENTS = [[120, 'tb.two_minutes'], [60, 'tb.one_minute'], [0, 'tb.up']];

export class Countdown {
  /**
   * root: an element the countdown is drawn in; say(text): the page's
   * polite announcer.
   */
  constructor(root, say) {
    this.say = say;
    this.questions = new Map(); // id → question (with deadline) as last seen
    this.announced = new Map(); // deadline → seconds of the moments announced or passed unseen
    this.timer = null;
    this.label = el('span', { class: 'timebox-label' });
    this.time = el('span', { class: 'timebox-time', 'aria-hidden': 'true' });
    this.left = el('span', { class: 'visually-hidden' });
    this.box = el('p', { class: 'timebox', hidden: true }, this.label, ' ', this.time, this.left);
    root.replaceChildren(this.box);
  }

  /** Takes every message the page receives (also while its view is paused). */
  seen(msg) {
    const d = msg.data;
    if (msg.type === 'snapshot') {
      if (d.now) observe(d.now);
      this.questions = new Map((d.questions || []).map((q) => [q.id, q]));
    } else if (msg.type === 'resume') {
      if (msg.now) observe(msg.now);
    } else if (msg.type === 'question') {
      if (d.now) observe(d.now);
      const before = this.questions.get(d.id);
      this.questions.set(d.id, d);
      // Closed at zero before this page's own count got there: still time up.
      if (before?.state === 'open' && before.deadline && d.state !== 'open') this.timeUp(before.deadline);
    } else {
      return;
    }
    this.tick();
  }

  /** The open question whose time runs out first, or null. */
  running() {
    let best = null;
    for (const q of this.questions.values()) {
      if (q.state !== 'open' || !q.deadline) continue;
      if (!best || Date.parse(q.deadline) < Date.parse(best.deadline)) best = q;
    }
    return best;
  }

  tick() {
    clearTimeout(this.timer);
    const q = offset === null ? null : this.running();
    this.box.hidden = !q;
    if (!q) return;
    const ms = Date.parse(q.deadline) - serverNow();
    const secs = Math.max(0, Math.ceil(ms / 1000));
    this.box.classList.toggle('ending', secs <= 60);
    this.box.classList.toggle('out', secs === 0);
    this.label.textContent = t('tb.left_for', { n: q.position });
    const shown = secs === 0 ? t('tb.up') : `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
    if (this.time.textContent !== shown) this.time.textContent = shown;
    const minutes = Math.ceil(secs / 60);
    const left = secs === 0 ? t('tb.up') : minutes === 1 ? t('tb.one_minute') : t('tb.minutes', { n: minutes });
    if (this.left.textContent !== left) this.left.textContent = left;
    this.announce(q.deadline, secs);
    // Wake at the next whole second left.
    if (secs > 0) this.timer = setTimeout(() => this.tick(), Math.max(50, ms - (secs - 1) * 1000));
  }

  timeUp(deadline) {
    const done = this.announced.get(deadline);
    if (!done || done.has(0) || serverNow() < Date.parse(deadline) - 1000) return;
    done.add(0);
    this.say(t('tb.up'));
  }

  // announce says each moment once per deadline, when the countdown passes
  // it on this page; moments already past when the page first saw the
  // deadline are not said late.
  announce(deadline, secs) {
    let done = this.announced.get(deadline);
    const first = !done;
    if (first) {
      done = new Set();
      this.announced.set(deadline, done);
    }
    for (const [at, key] of MOMENTS) {
      if (secs > at || done.has(at)) continue;
      done.add(at);
      // Only the latest moment passed is said (a page back from sleep says one).
      if (!first && !MOMENTS.some(([other]) => other < at && secs <= other)) this.say(t(key));
    }
  }
}
