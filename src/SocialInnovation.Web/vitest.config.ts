import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// The web app's own logic, in happy-dom: `npm test`. deploy/test.sh runs it with the .NET suites.
export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
  },
});
