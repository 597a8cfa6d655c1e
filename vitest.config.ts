import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/real/**', 'node_modules/**'],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
