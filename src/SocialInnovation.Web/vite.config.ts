import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The ASP.NET Core server (dotnet run) listens here in development.
const server = 'http://localhost:5080';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: '../SocialInnovation.Server/wwwroot',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // @microsoft/signalr's ESM build has misplaced /*#__PURE__*/ comments; harmless, and not ours to fix.
        if (process.env.DEBUG_WARN) console.log(warning.code, warning.id);
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
