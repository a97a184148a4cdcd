import { defineConfig } from 'vite';

// The ASP.NET Core server (dotnet run) listens here in development.
const server = 'http://localhost:5080';

export default defineConfig({
  build: {
    outDir: '../SocialInnovation.Server/wwwroot',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // @microsoft/signalr's ESM build has misplaced /*#__PURE__*/ comments; harmless, and not ours to fix.
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
