// Registers the service worker (public/sw.js). Browsers only allow it on https:// or http://localhost /
// 127.0.0.1; elsewhere the app simply works online only.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  // First visit: the worker takes control after the page loaded; from then on its fetch handler keeps things.
  navigator.serviceWorker.addEventListener('controllerchange', () => void keepLoadedResources());
}

/**
 * Asks the service worker to keep what this page already loaded (modules, styles, the API reads it may
 * cache): on the very first visit the page was loaded before the worker took control. Resolves when done.
 */
export function keepLoadedResources(): Promise<void> {
  const worker = navigator.serviceWorker?.controller ?? null;
  if (!worker) return Promise.resolve();
  const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage({ type: 'keep', urls: [location.origin + '/', ...urls] }, [channel.port2]);
    setTimeout(resolve, 10_000);
  });
}

/** The signed-out user's cached reading material is dropped from the service worker's cache. */
export function forgetOfflineData(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'signed-out' });
}
