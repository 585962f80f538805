// Service worker for participants' phones: keeps the table page and its
// scripts so the page opens again (and takes answers into the outbox) when a
// reload happens while the conference Wi-Fi is down. Always network-first, so
// an online phone never runs stale code.
const CACHE = 'samrad-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (ev) => ev.waitUntil(self.clients.claim()));

// The page that registers the worker has already loaded by then, so its own
// requests never passed through here: it sends their addresses, and they are
// kept now rather than only after a second visit.
self.addEventListener('message', (ev) => {
  const urls = (ev.data?.keep || []).map((u) => new URL(u, self.location.origin))
    .filter((u) => u.origin === self.location.origin && (u.pathname.startsWith('/t/') || u.pathname.startsWith('/static/')));
  ev.waitUntil(caches.open(CACHE).then((c) => c.addAll(urls.map((u) => u.href))).catch(() => { /* offline: kept on the next load */ }));
});

self.addEventListener('fetch', (ev) => {
  const url = new URL(ev.request.url);
  if (ev.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith('/t/') && !url.pathname.startsWith('/static/')) return;
  ev.respondWith(fetch(ev.request).then((res) => {
    if (res.ok) {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(ev.request, copy));
    }
    return res;
  }).catch(() => caches.match(ev.request).then((hit) => hit || Response.error())));
});
