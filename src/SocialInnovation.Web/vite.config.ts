import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// The ASP.NET Core server (dotnet run) listens here in development.
const server = 'http://localhost:5080';

export default defineConfig({
  plugins: [
    preact(),
    // The judge's page must open again with no connection (issue 18): a service worker (sw.js, registered
    // by src/offline/serviceWorker.ts from the pages that need it) precaches the built app — index.html,
    // the entry and every page's chunk — and answers page loads with index.html. It caches no /api or
    // /hubs response (pages keep what they need on the device) and is not used by the dev server.
    VitePWA({
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // The gallery's PDF renderer (pdf.js, ~0.5 MB, its worker an .mjs not matched above) is fetched only
        // by the gallery, online: no device needs it precached.
        globIgnores: ['**/pdfPreview-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/hubs\//, /^\/health/, /^\/openapi\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // A new version takes over at once (the old one's chunks are gone from the server anyway).
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  build: {
    outDir: '../SocialInnovation.Server/wwwroot',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // What every page needs (Preact, signals, the shared UI, the API client, i18n) and the invite page
        // (the first page most people open) in one chunk that
        // index.html preloads next to the entry: a page then costs one more request, not a chain of them.
        manualChunks(id) {
          if (/node_modules\/(preact|@preact)\//.test(id) || /\/src\/(ui|api|session|i18n|join)\//.test(id) || id.endsWith('/src/router.tsx')) return 'app';
          return undefined;
        },
      },
      onwarn(warning, warn) {
        // @microsoft/signalr's ESM build has misplaced /*#__PURE__*/ comments; harmless, and not ours to fix
        // (the preset's transform may print them anyway).
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server },
      '/hubs': { target: server, ws: true },
      '/health': { target: server },
    },
  },
});
