// LiveSocket keeps one websocket open to the server and speaks its protocol
// (version 2, documented in server/live/protocol.go and README):
//
// - It reconnects with back-off after any loss and resumes from its cursor
//   (the timeline and the last change it applied), or takes a snapshot.
// - Changes are applied in order: one at or below the cursor is skipped.
// - Replies are matched to requests by id or req, never by number:
//   request() returns a promise for the reply, rejected on a refusal or when
//   the connection drops before the reply came.
// - A silent line is treated as dead (the server sends a heartbeat every 25 s).

export const PROTOCOL = 2;
const HEARTBEAT_MS = 25000;
const SILENCE_MS = 60000;
const MAX_BACKOFF_MS = 10000;
const CLOSE_REVOKED = 4001;
const CLOSE_RELOAD = 4002;

const REPLIES = new Set(['ack', 'ok', 'saved', 'error', 'pong']);

/** Raised by request() when the connection dropped before the reply came. */
export class Disconnected extends Error {
  constructor() {
    super('disconnected');
    this.disconnected = true;
  }
}

/** Raised by request() when the server refused the request. */
export class Refused extends Error {
  constructor(reply) {
    super(reply.message || reply.code);
    this.code = reply.code;
    this.retry = !!reply.retry;
  }
}

let reqCounter = 0;

export class LiveSocket {
  /**
   * @param {string} path  websocket path, e.g. /ws/table/ABC123
   * @param {object} handlers
   *   onSnapshot(msg)  the whole state (msg.data) replaces what the page shows
   *   onChange(msg)    one change to apply (also each change of a resume)
   *   onResume(msg)    (optional) a resume, before its changes (it carries the server's clock)
   *   onState(state)   'connecting' | 'open' | 'offline' | 'revoked'
   *   onOpen()         after the opening message: time to send what waits
   *   onNotice(text)   a message from the server that answers no request
   * @param {{epoch: string, seq: number}} [cursor]  where a page that kept
   *   its state (a reload) stands, so that it resumes rather than starts over
   */
  constructor(path, handlers, cursor = null) {
    this.path = path;
    this.handlers = handlers;
    this.cursor = cursor && cursor.epoch ? { ...cursor } : { epoch: '', seq: -1 };
    this.attempt = 0;
    this.ws = null;
    this.ready = false;
    this.stopped = false;
    this.pending = new Map(); // request key → {resolve, reject}
    this.timers = {};
    window.addEventListener('online', () => this.reconnectSoon(0));
    // A device that knows it lost the network need not wait for the silence
    // timer: whatever is sent on the old line now would only be lost.
    window.addEventListener('offline', () => this.drop());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !this.ready) this.reconnectSoon(0);
    });
  }

  start() {
    this.connect();
  }

  url() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const q = new URLSearchParams({ v: String(PROTOCOL) });
    if (this.cursor.epoch && this.cursor.seq >= 0) {
      q.set('epoch', this.cursor.epoch);
      q.set('since', String(this.cursor.seq));
    }
    return `${proto}//${location.host}${this.path}?${q}`;
  }

  connect() {
    clearTimeout(this.timers.retry);
    if (this.ws || this.stopped) return;
    this.handlers.onState?.('connecting');
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = (ev) => this.closed(ws, ev.code);
    ws.onerror = () => ws.close();
    this.watchSilence();
  }

  receive(data) {
    this.watchSilence();
    let parsed;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    // Several messages may arrive as one array when the line was busy.
    for (const msg of Array.isArray(parsed) ? parsed : [parsed]) this.dispatch(msg);
  }

  dispatch(msg) {
    if (msg.type === 'ping') return;
    if (REPLIES.has(msg.type)) {
      this.reply(msg);
      return;
    }
    if (msg.type === 'snapshot' || msg.type === 'resume') {
      if (msg.type === 'snapshot') this.handlers.onSnapshot(msg);
      else {
        this.handlers.onResume?.(msg);
        for (const change of msg.changes || []) this.apply(change);
      }
      this.cursor = { epoch: msg.epoch, seq: msg.seq };
      this.attempt = 0;
      this.ready = true;
      this.handlers.onState?.('open');
      clearInterval(this.timers.ping);
      this.timers.ping = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
      this.handlers.onOpen?.();
      return;
    }
    this.apply(msg);
  }

  apply(change) {
    // Changes the opening already holds may still be queued behind it.
    if (change.seq <= this.cursor.seq) return;
    this.cursor.seq = change.seq;
    this.handlers.onChange(change);
  }

  reply(msg) {
    const key = msg.id || msg.req;
    const waiting = key && this.pending.get(key);
    if (!waiting) {
      if (msg.type === 'error') this.handlers.onNotice?.(msg.message);
      return;
    }
    this.pending.delete(key);
    if (msg.type === 'error') waiting.reject(new Refused(msg));
    else waiting.resolve(msg);
  }

  /**
   * Sends a request and resolves with its reply (ack, ok, saved). A
   * submission is keyed by its own id; anything else gets a req.
   */
  request(msg) {
    // A message with its own id (an answer, a dot) is keyed by it.
    const out = msg.id || msg.req ? msg : { ...msg, req: `r${++reqCounter}` };
    const key = out.id || out.req;
    return new Promise((resolve, reject) => {
      if (!this.send(out)) {
        reject(new Disconnected());
        return;
      }
      this.pending.set(key, { resolve, reject });
    });
  }

  watchSilence() {
    clearTimeout(this.timers.silence);
    this.timers.silence = setTimeout(() => this.ws?.close(), SILENCE_MS);
  }

  closed(ws, code) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.ready = false;
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.silence);
    // Nothing more will be answered on that line; whoever waits sends again.
    for (const waiting of this.pending.values()) waiting.reject(new Disconnected());
    this.pending.clear();
    if (code === CLOSE_RELOAD) {
      // This page is older than the server: a reload fetches the new one.
      // What waits to be sent is kept in localStorage and goes out then.
      setTimeout(() => location.reload(), 1000);
      this.stopped = true;
      this.handlers.onState?.('offline');
      return;
    }
    if (code === CLOSE_REVOKED) {
      this.stopped = true;
      this.handlers.onState?.('revoked');
      return;
    }
    this.handlers.onState?.('offline');
    this.scheduleReconnect();
  }

  drop() {
    const ws = this.ws;
    if (!ws) return;
    ws.close();
    this.closed(ws, 1006);
  }

  scheduleReconnect() {
    // Exponential back-off with jitter, so a room of phones does not return
    // in one wave after the Wi-Fi comes back.
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt++;
    this.reconnectSoon(base / 2 + Math.random() * (base / 2));
  }

  reconnectSoon(ms) {
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.connect(), ms);
  }

  /** Sends a message if the connection is ready; returns whether it went out. */
  send(msg) {
    if (!this.ready || this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }
}
