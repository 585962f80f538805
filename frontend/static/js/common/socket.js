// LiveSocket keeps one websocket open to the server: it reconnects with
// back-off after any loss, resumes from the last sequence number it saw, and
// treats a silent line as dead (the server sends a heartbeat every 25 s).

const HEARTBEAT_MS = 25000;
const SILENCE_MS = 60000;
const MAX_BACKOFF_MS = 10000;

export class LiveSocket {
  /**
   * @param {string} path  websocket path, e.g. /ws/table/ABC123
   * @param {object} handlers  onMessage(msg), onState(state) with state in
   *   'connecting' | 'open' | 'offline'; onOpen() after the first message.
   */
  constructor(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    this.seq = -1;
    this.attempt = 0;
    this.ws = null;
    this.ready = false;
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
    return `${proto}//${location.host}${this.path}?since=${this.seq}`;
  }

  connect() {
    clearTimeout(this.timers.retry);
    if (this.ws) return;
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
    ws.onclose = () => this.closed(ws);
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
    // Several changes may arrive as one array when the line was busy.
    for (const msg of Array.isArray(parsed) ? parsed : [parsed]) this.dispatch(msg);
  }

  dispatch(msg) {
    if (msg.type === 'ping' || msg.type === 'pong') return;
    if (msg.type === 'snapshot' || msg.type === 'resume') {
      this.seq = msg.seq ?? this.seq;
      this.attempt = 0;
      this.ready = true;
      this.handlers.onState?.('open');
      this.handlers.onMessage(msg);
      clearInterval(this.timers.ping);
      this.timers.ping = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
      this.handlers.onOpen?.();
      return;
    }
    if (msg.seq) {
      // Changes already contained in the snapshot may still be queued behind it.
      if (msg.seq <= this.seq) return;
      this.seq = msg.seq;
    }
    this.handlers.onMessage(msg);
  }

  watchSilence() {
    clearTimeout(this.timers.silence);
    this.timers.silence = setTimeout(() => this.ws?.close(), SILENCE_MS);
  }

  closed(ws) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.ready = false;
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.silence);
    this.handlers.onState?.('offline');
    this.scheduleReconnect();
  }

  drop() {
    const ws = this.ws;
    if (!ws) return;
    ws.close();
    this.closed(ws);
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
