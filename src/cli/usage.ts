import { defaultConfigPath } from '../config/paths.js';
import { DEFAULT_SCENARIO, DEFAULT_SEED } from './args.js';

/** The --help text; the scenario and role names come from the simulator's catalog. */
export function usage(catalog: { scenarios: readonly string[]; roles: readonly string[] }): string {
  return `hive-oncall: one terminal screen for an incident: pods, SLOs, alerts, latency, consensus and logs.

Usage:
  hive-oncall [--config FILE] [--context C] [--namespace NS] [--read-only]
      Live mode against the backends in the config file
      (default ${defaultConfigPath()}; without one, only Kubernetes from the default kubeconfig).
  hive-oncall demo [--scenario S] [--seed N] [--read-only] [--rbac ${catalog.roles.join('|')}]
      Runs a simulated Hive Mind cluster in-process and opens the console on it
      (--rbac: the simulated user's role; oncall may not delete pods, viewer may not write).
  hive-oncall simulate [--port N] [--scenario S] [--seed N] [--out DIR] [--rbac ROLE] [--hostile]
      Serves the simulated cluster on 127.0.0.1 until interrupted; prints "ready" when listening and
      writes DIR/kubeconfig and DIR/hive-oncall.yaml for other tools (--hostile: names, labels, log lines
      and errors carry escape sequences, to test a console against).
  hive-oncall snapshot [--demo [--scenario S] [--seed N]] [--config FILE] [--width W] [--height H]
                       [--format text|json] [--ascii]
      Waits for the first data of every pane, prints one frame (or the state as JSON), exits.
  hive-oncall --help | --version

Display (live mode and demo):
  --low-bandwidth     for a slow link: one frame a second, no animation, Logs paused (key b toggles;
                      config lowBandwidth: true)
  --wall              a wall screen: read-only, a headline band, panes rotating, STALE when data is old
  --rotate 15s        how long each pane set stays up on the wall (0s: all panes at once)
  --stale-after 60s   how old data may be before the wall says STALE
  --ascii             ASCII only (automatic when the locale is not UTF-8; config ascii: true|false)
  --no-color          no colour (as NO_COLOR=1)
When stdout is not a terminal (or TERM=dumb) the console prints one snapshot and exits.

Scenarios: ${catalog.scenarios.join(', ')} (default ${DEFAULT_SCENARIO}; default seed ${DEFAULT_SEED}).
Exit codes: 0 ok, 1 runtime failure, 2 bad usage or config.
`;
}

export const USAGE_HINT = "Run 'hive-oncall --help' for usage.";
