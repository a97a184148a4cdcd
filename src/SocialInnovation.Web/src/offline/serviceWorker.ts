/**
 * Registers the service worker that the build makes (vite-plugin-pwa, `sw.js`): it keeps the app shell
 * and every page's chunk on the device and answers page loads from there, so a page that must work
 * without a connection (the judge's) opens again offline, reload included. It never answers /api or
 * /hubs: what a page needs from the server while offline it keeps itself (see deviceStore). Only pages
 * that need it register it, so a first visit elsewhere downloads nothing extra; once registered it
 * serves every page of the app. Not in development (the dev server's modules are not precached).
 */
export function keepForOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
