// The layers, enforced in `npm test` (test/layers.test.ts) and by `npm run lint:layers`:
// data flows sources -> runtime -> views; views send intents back and never fetch; the simulator is
// reached only through its one door. The rules themselves live in scripts/layer-rules.cjs so the test can
// also prove each one fires on a tree that breaks it.
const { layerRules } = require('./scripts/layer-rules.cjs');

module.exports = {
  forbidden: layerRules(),
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
