// Which targets count as production: the configured pattern (default "prod") matched case-insensitively
// against the kube context and the target's namespace. Production + destructive = type the name to confirm.
import { DEFAULT_PRODUCTION_PATTERN } from '../config/load.js';

export function productionMatcher(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    // the config schema refuses a bad pattern; should one get through, err on the side of asking more
    return new RegExp(DEFAULT_PRODUCTION_PATTERN, 'i');
  }
}

export const isProduction = (re: RegExp, context: string, namespace: string | null): boolean =>
  re.test(context) || (namespace !== null && re.test(namespace));
