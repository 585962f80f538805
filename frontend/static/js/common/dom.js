// el builds an element: el('p', { class: 'x', text: 'hello' }, child, …).
// Text always goes in through textContent, so user text is never parsed as HTML.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// Announcer speaks short status lines through one polite live region, at
// most one line per interval, so a busy room does not flood a screen reader.
export class Announcer {
  constructor(region, intervalMs = 0) {
    this.region = region;
    this.intervalMs = intervalMs;
    this.last = 0;
    this.timer = null;
    this.pending = null;
  }

  say(text) {
    this.pending = text;
    const wait = this.last + this.intervalMs - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => { this.timer = null; this.flush(); }, wait);
      return;
    }
    this.flush();
  }

  flush() {
    if (this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.last = Date.now();
    this.region.textContent = '';
    setTimeout(() => { this.region.textContent = text; }, 50);
  }
}
