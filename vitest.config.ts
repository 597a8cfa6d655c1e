import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    include: ['test/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    exclude: ['test/real/**', 'node_modules/**'],
    testTimeout: 30000,
    hookTimeout: 30000,
    // Two workers on the 2-core machines we run on (vitest's default leaves one core idle), and no fresh
    // module graph per file: importing Ink, React and client-node again for every file cost more than
    // half the run. Tests therefore must not depend on module state another file left: nothing here mocks
    // modules, and the colour level is fixed for the whole run below.
    maxWorkers: 2,
    isolate: false,
    // chalk decides its colour level once, when first imported; without a TTY that is "none", and tests
    // that check styles (inverse selection, dimmed stale data) need it on. Views that must not colour get
    // the NO_COLOR theme explicitly.
    env: { FORCE_COLOR: '1' },
  },
});
