// The layer rules of hive-oncall as dependency-cruiser "forbidden" rules. Paths are relative to the
// project root. Type-only imports count too: a view that needs a source's type is a view that knows the
// source; such types belong in src/state, the contract every layer shares.
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

function layerRules() {
  return [
    rule('views-render-state-only', 'views render state and send intents: they never import sources, actions, config, the CLI, the app or the simulator',
      { path: '^views/' }, { path: '^src/(sources|actions|config|cli|app|demo)/' }),
    rule('runtime-stays-below-the-app', 'the runtime owns state and actions: it never reaches up into the app, the CLI or the views, nor into the simulator',
      { path: '^src/runtime/' }, { path: '^(src/(app|cli|demo)|views)/' }),
    rule('sources-only-fetch', 'sources fetch and validate backends; they know nothing of the runtime, actions, views, the app or the simulator',
      { path: '^src/sources/' }, { path: '^(src/(runtime|actions|app|cli|demo)|views|keymaps)/' }),
    rule('actions-only-act', 'the executor knows nothing of the runtime, views, the app or the simulator',
      { path: '^src/actions/' }, { path: '^(src/(runtime|app|cli|demo)|views|keymaps)/' }),
    rule('state-is-the-contract', 'src/state is the shared contract: it imports only itself',
      { path: '^src/state/' }, { path: '^', pathNot: '^src/state/' }),
    rule('keymaps-are-data', 'keymaps map keys to intents; they import nothing but the intent types',
      { path: '^keymaps/' }, { path: '^(src/(runtime|sources|actions|app|cli|demo|config|input)|views)/' }),
    rule('helpers-are-generic', 'src/lib and src/text are generic helpers: they import no layer of the product',
      { path: '^src/(lib|text)/' }, { path: '^(src/(runtime|sources|actions|app|cli|demo|state|config|input)|views|keymaps)/' }),
    rule('simulator-behind-its-door', 'only src/app/demo.ts (for demo, simulate and snapshot --demo) loads the simulator',
      { path: '^(src|views|keymaps)/', pathNot: '^(src/demo/|src/app/demo\\.ts$)' }, { path: '^src/demo/' }),
    rule('simulator-door-is-its-index', 'src/app/demo.ts loads the simulator through src/demo/index.ts only',
      { path: '^src/app/demo\\.ts$' }, { path: '^src/demo/', pathNot: '^src/demo/index\\.ts$' }),
  ];
}

module.exports = { layerRules };
