// The outbox keeps what the table has written until the server has
// acknowledged it, in localStorage, so it survives a lost connection, a
// reload and a browser restart. Every entry carries the id the phone chose;
// the server stores an id once, so sending an entry twice is harmless.

export class Outbox {
  constructor(code) {
    this.key = `samrad:outbox:${code}`;
    this.items = this.load();
  }

  load() {
    try {
      const list = JSON.parse(localStorage.getItem(this.key) || '[]');
      return Array.isArray(list) ? list : [];
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
  }

  add(item) {
    this.items.push({ ...item, state: 'waiting' });
    this.save();
  }

  /** Entries that should be (re)sent, oldest first. */
  waiting() {
    return this.items.filter((i) => i.state === 'waiting');
  }

  get(id) {
    return this.items.find((i) => i.id === id);
  }

  /** The server has the entry: it leaves the outbox. */
  done(id) {
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
  }

  /** The server refused the entry for good; it stays, marked, until removed. */
  fail(id, message) {
    const item = this.get(id);
    if (!item) return;
    item.state = 'failed';
    item.error = message;
    this.save();
  }

  remove(id) {
    this.done(id);
  }
}
