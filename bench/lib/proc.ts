// Linux process facts read from /proc, the child environment, and the list of children still running so
// that every exit path (normal end, a figure throwing, Ctrl-C on the bench) stops each of them by pid.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Ink prints only the final frame when it thinks it runs in CI: the children must never inherit these. */
const CI_VARS = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS'];

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !CI_VARS.includes(k)) env[k] = v;
  return { ...env, TERM: 'xterm-256color', ...extra };
}

/** Resident set size in MB (VmRSS), or null once the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** utime + stime in seconds, or null once the process is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after its last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Children started by the bench, by pid, with how to stop each. */
const running = new Map<number, () => void>();

export function track(pid: number, kill: () => void): void {
  running.set(pid, kill);
}

export function untrack(pid: number): void {
  running.delete(pid);
}

/** SIGKILL every child still tracked (the last resort when the bench itself is interrupted). */
export function killAll(): void {
  for (const [pid, kill] of running) {
    try {
      kill();
    } catch {
      /* already gone */
    }
    running.delete(pid);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
