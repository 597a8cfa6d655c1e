// Ink decides once, when it is first imported, whether it runs "in CI" (package is-in-ci: CI or
// CONTINUOUS_INTEGRATION set to anything but "0"/"false") and then prints only the final frame. A person at a
// terminal with CI=true exported (common in dev containers) must still get a live screen.
export const IS_IN_CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/** Call before the first import of ink. Only when stdout is a real terminal. */
export function forgetCiWhenInteractive(stdout: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
  if (!stdout.isTTY) return;
  for (const name of IS_IN_CI_VARIABLES) delete env[name];
}
