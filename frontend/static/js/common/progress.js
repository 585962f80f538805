// "18 av 30 bord har svarat", on the dashboard and the projector. The
// server counts (tables with a visible answer to the open questions, or to
// any question while none is open: one definition, in storage.Progress);
// the page asks again when answers, questions or tables change, at most
// once a second, so a busy room costs one small request a second.
import { t } from './i18n.js';
import { el } from './dom.js';

const ASK_EVERY_MS = 1000;
const COUNTS = new Set(['snapshot', 'input', 'question', 'table']);

export class Progress {
  /**
   * @param {HTMLElement} node  where the line goes
   * @param {object} socket  the page's LiveSocket
   * @param {object} model  the page's WorkshopModel (question numbers)
   */
  constructor(node, socket, model) {
    this.node = node;
    this.socket = socket;
    this.model = model;
    this.timer = null;
  }

  /** Called with every message the page applies. */
  changed(msg) {
    if (!COUNTS.has(msg.type) || this.timer) return;
    this.timer = setTimeout(() => this.ask(), msg.type === 'snapshot' ? 0 : ASK_EVERY_MS);
  }

  ask() {
    this.timer = null;
    // Offline: the line keeps its last number; the changes that come with
    // the reconnection ask again.
    if (!this.socket.ready) return;
    this.socket.request({ type: 'progress' }).then((reply) => this.show(reply.data), () => { /* asked again on the next change */ });
  }

  show(p) {
    const open = p.open.map((id) => this.model.questions.get(id)?.position).filter(Boolean);
    const scope = open.length ? t('progress.on_questions', { list: open.join(', ') }) : t('progress.on_any');
    this.node.replaceChildren(
      el('span', { class: 'progress-count', text: t('progress.tables_answered', { n: p.answered, total: p.tables }) }),
      ' ', el('span', { class: 'progress-scope', text: scope }));
    this.node.hidden = false;
  }
}
