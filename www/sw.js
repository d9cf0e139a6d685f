// The service worker: after the first visit the page, its worker, the wasm
// and the dictionary all come from this cache, so the page works with the
// network off. The build writes VERSION (a hash of every asset) and ASSETS;
// a new build is a new cache, and the old one is deleted once the new page
// takes over.
const VERSION = 'dev';
const ASSETS = ['./'];
const CACHE = `mubiao-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('mubiao-') && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

// The page asks for the waiting version when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first for everything of this origin; nothing else is ever asked for.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      return hit ?? fetch(request);
    }),
  );
});
