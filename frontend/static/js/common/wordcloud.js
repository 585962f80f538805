// The word clouds of word questions ("ord"). The server counts the answers
// (it knows Swedish inflection: "bemötande" and "bemötandet" are one word),
// so a cloud is asked for again whenever its question's answers change —
// a new answer, one hidden or shown, a correction — at most once a second.
const MIN_GAP_MS = 1000;

export const isWordQuestion = (q) => q.kind === 'ord';

/** What a question's cloud depends on: its answers and their latest changes. */
function signature(model, qid) {
  let n = 0;
  let last = 0;
  for (const item of model.items.values()) {
    if (item.question !== qid) continue;
    n++;
    if (item.seq > last) last = item.seq;
  }
  return `${n}|${last}`;
}

export class WordClouds {
  /** request sends a read request and resolves with the reply; onData(qid) runs when a cloud arrives. */
  constructor(model, request, onData) {
    this.model = model;
    this.request = request;
    this.onData = onData;
    this.state = new Map();
  }

  /** The latest cloud of a question ({question, answers, words}) or null; fetches a newer one when needed. */
  get(qid) {
    let s = this.state.get(qid);
    if (!s) {
      s = { data: null, sig: null, loading: false, at: 0, timer: null };
      this.state.set(qid, s);
    }
    const sig = signature(this.model, qid);
    if (sig !== s.sig) this.fetch(qid, s, sig);
    return s.data;
  }

  fetch(qid, s, sig) {
    if (s.loading || s.timer) return;
    const wait = s.at + MIN_GAP_MS - Date.now();
    if (wait > 0) {
      s.timer = setTimeout(() => {
        s.timer = null;
        this.get(qid);
      }, wait);
      return;
    }
    s.loading = true;
    s.at = Date.now();
    this.request({ type: 'wordcloud', question: qid }).then((reply) => {
      s.data = reply.data;
      s.sig = sig;
      this.onData(qid);
    }, () => { /* offline or refused: asked again at the next change */ }).finally(() => { s.loading = false; });
  }
}
