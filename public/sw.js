// Pilotfish service worker: makes the app installable and usable offline, and shows push notifications.
// Network first for everything (files are not content-hashed, so the network copy is the truth); what
// was fetched is kept, so that without a network the app opens on what it last saw: the shell, its
// modules, and the ambassador's reading material (talking points, charter, training, own reports).
// Writes are never cached or replayed here: the page queues offline reports itself (offline-queue.ts).
/* global self, caches */
const VERSION = 'pf-1';
const SHELL_CACHE = `${VERSION}-shell`;
const API_CACHE = `${VERSION}-api`;
const SHELL_FILES = ['/', '/css/app.css', '/js/main.js', '/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png'];
// API reads worth having offline. Everything else under /api/ goes straight to the network.
const API_OFFLINE = [
  /^\/api\/v1\/auth\/session$/, /^\/api\/v1\/talking-points\/feed$/, /^\/api\/v1\/watchlists$/, /^\/api\/v1\/signals$/,
  /^\/api\/v1\/charter(\/.*)?$/, /^\/api\/v1\/training(\/.*)?$/, /^\/api\/v1\/push\/key$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (!key.startsWith(`${VERSION}-`)) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page says when its user signs out (their cached reading material must not outlive the session),
// and lists what it loaded before this worker controlled it (the first visit), so that it is kept too.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'signed-out') event.waitUntil(caches.delete(API_CACHE));
  if (data.type === 'keep' && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls.slice(0, 500)).then(() => event.ports[0] && event.ports[0].postMessage('kept')));
  }
});

async function keep(urls) {
  const shell = await caches.open(SHELL_CACHE);
  const api = await caches.open(API_CACHE);
  await Promise.all(urls.map(async (raw) => {
    let url;
    try { url = new URL(raw, self.location.origin); } catch { return; }
    if (url.origin !== self.location.origin) return;
    const isApi = url.pathname.startsWith('/api/');
    if (isApi && !API_OFFLINE.some((re) => re.test(url.pathname))) return;
    if (!isApi && (await shell.match(url.href))) return;
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (response.ok) await (isApi ? api : shell).put(url.href, response);
    } catch {
      // offline already: nothing to keep
    }
  }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  // Media (the alert sound) is fetched in ranges: a 206 cannot be cached, so such requests go straight through.
  if (request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (API_OFFLINE.some((re) => re.test(url.pathname))) event.respondWith(networkFirst(request, API_CACHE, false));
    return;
  }
  if (url.pathname.startsWith('/r/') || url.pathname.startsWith('/auth/') || url.pathname === '/share' || url.pathname.startsWith('/docs')) return;
  event.respondWith(networkFirst(request, SHELL_CACHE, request.mode === 'navigate'));
});

async function networkFirst(request, cacheName, isNavigation) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    // Keeping a copy is best effort: a failed put must never turn a good answer into a network error.
    if (response.status === 200 && response.type === 'basic') await cache.put(isNavigation ? '/' : request, response.clone()).catch(() => undefined);
    return response;
  } catch (err) {
    // Offline: the last copy (a navigation to any page of the app is the app's one HTML page).
    const cached = await cache.match(isNavigation ? '/' : request, { ignoreVary: true });
    if (cached) return cached;
    throw err;
  }
}

// Web Push: the server's payload is {title, body, url, tag} (src/push/texts.ts). A new version of a point
// carries the same tag and replaces the earlier notification instead of stacking.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(data.title || 'Pilotfish', {
    body: data.body || '', tag: data.tag || undefined, renotify: Boolean(data.tag), icon: '/icons/icon-192.png', badge: '/icons/icon-192.png',
    data: { url: data.url || '/' },
  }));
});

// A tap opens the point (or alert) in the app: an open window of ours is reused, else a new one opens.
// Only the path and hash are kept, so a notification can never send the user to another site.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  let target = '/';
  try {
    const url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
    target = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    // keep '/'
  }
  const href = new URL(target, self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if (new URL(client.url).origin !== self.location.origin) continue;
      await client.focus();
      if ('navigate' in client) await client.navigate(href).catch(() => undefined);
      return;
    }
    await self.clients.openWindow(href);
  })());
});
