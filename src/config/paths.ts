// Where hive-oncall keeps its files by default, and who the user is: cheap to load (--help names the path).
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** $XDG_CONFIG_HOME/hive-oncall/config.yaml, else ~/.config/hive-oncall/config.yaml */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'hive-oncall', 'config.yaml');
}

/** $XDG_STATE_HOME/hive-oncall/audit.jsonl, else ~/.local/state/hive-oncall/audit.jsonl */
export function defaultAuditPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(base, 'hive-oncall', 'audit.jsonl');
}

/** $USER, else the account name; a container without a passwd entry still gets a name. */
export function defaultUser(env: NodeJS.ProcessEnv = process.env): string {
  if (env.USER && env.USER.trim() !== '') return env.USER.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
