// Outbox keeps what a page has sent until the server confirms it, in
// localStorage, so it survives a lost connection, a reload and a browser
// restart. Each entry has a key: a submission's own id (the server stores an
// id once, so sending it twice is harmless), or a fixed key for something of
// which only the latest counts (a draft: putting a new one replaces the one
// waiting, and one sent meanwhile is followed by the newer).
//
// Entries are sent when the socket opens and whenever one is put; each is
// in flight at most once. A reply settles it: confirmed (it leaves), refused
// for now (sent again after a pause, longer each time), or refused for good
// (it stays, marked failed, until the page removes it).
import { Disconnected } from './socket.js';

const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

export class Outbox {
  /**
   * @param {string} storageKey  where the entries are kept
   * @param {object} hooks  onDone(entry, reply), onFailed(entry), onChange(),
   *   upgrade(raw): an entry kept by an older version of the page, in the
   *   shape it needs now (or null), so that nothing waiting is lost on an update
   */
  constructor(storageKey, hooks = {}) {
    this.key = storageKey;
    this.hooks = hooks;
    this.socket = null;
    this.inflight = new Map(); // key → version sent
    this.retries = 0;
    this.retryTimer = null;
    this.items = this.load();
  }

  load() {
    try {
      const list = JSON.parse(localStorage.getItem(this.key) || '[]');
      if (!Array.isArray(list)) return [];
      const upgrade = this.hooks.upgrade || ((raw) => raw);
      return list.map((raw) => (raw && raw.key && raw.msg ? raw : upgrade(raw)))
        .filter((i) => i && i.key && i.msg);
    } catch {
      return [];
    }
  }

  save() {
    try {
      if (this.items.length) localStorage.setItem(this.key, JSON.stringify(this.items));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage full or blocked: the entries still live in memory until sent.
    }
    this.hooks.onChange?.();
  }

  /** Sends through socket from now on (call socket.start() after). */
  attach(socket) {
    this.socket = socket;
  }

  get(key) {
    return this.items.find((i) => i.key === key);
  }

  /** Entries not yet confirmed, oldest first (failed ones included). */
  entries() {
    return this.items;
  }

  /** Adds an entry, or replaces the message of the one with the same key. */
  put(key, msg, extra = {}) {
    const item = this.get(key);
    if (item) {
      Object.assign(item, extra, { msg, state: 'waiting', error: undefined, v: (item.v || 0) + 1 });
    } else {
      this.items.push({ ...extra, key, msg, state: 'waiting', v: 1 });
    }
    this.save();
    this.flush();
  }

  remove(key) {
    this.items = this.items.filter((i) => i.key !== key);
    this.save();
  }

  /** Sends every waiting entry that is not in flight. */
  flush() {
    if (!this.socket) return;
    for (const item of this.items) {
      if (item.state !== 'waiting' || this.inflight.has(item.key)) continue;
      if (!this.socket.ready) return;
      this.send(item);
    }
  }

  send(item) {
    const { key, v } = item;
    this.inflight.set(key, v);
    this.socket.request(item.msg).then((reply) => {
      this.inflight.delete(key);
      this.retries = 0;
      const now = this.get(key);
      if (!now) return;
      if (now.v !== v) {
        this.flush(); // a newer one was put meanwhile
        return;
      }
      this.items = this.items.filter((i) => i !== now);
      this.save();
      this.hooks.onDone?.(now, reply);
    }, (err) => {
      this.inflight.delete(key);
      const now = this.get(key);
      if (!now || err instanceof Disconnected) return; // sent again when the socket opens
      if (err.retry) {
        this.retryLater();
        return;
      }
      now.state = 'failed';
      now.error = err.message;
      this.save();
      this.hooks.onFailed?.(now);
    });
  }

  retryLater() {
    if (this.retryTimer) return;
    const base = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** this.retries);
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, base / 2 + Math.random() * base);
  }
}
