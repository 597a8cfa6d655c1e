import { defineConfig } from 'vitest/config';

// The real-server suite: Prometheus, Alertmanager and etcd from Debian's packages on 127.0.0.1.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    include: ['test/real/**/*.test.ts'],
    testTimeout: 90000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
