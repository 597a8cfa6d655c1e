// Two commands on one key where both could answer it: the second would silently never run. Asked
// through the matcher's own `candidates`, so "overlapping contexts" means exactly what matching does:
// a pane and 'global' overlap, two panes do not, the modal overlaps 'global' only on the quit chord.
import type { KeyBinding, Keymap } from '../../keymaps/types.js';
import { PANES } from '../state/types.js';
import { candidates, type MatchContext } from './match.js';

export interface KeyConflict {
  key: string;
  /** the two commands, in keymap order */
  first: KeyBinding;
  second: KeyBinding;
}

const base: MatchContext = { focus: 'pods', filterEditing: false, helpOpen: false };

/** Every situation with its own set of live bindings. */
const SITUATIONS: MatchContext[] = [
  ...PANES.map((focus) => ({ ...base, focus })),
  { ...base, filterEditing: true },
  { ...base, helpOpen: true },
  { ...base, actionsOpen: true },
  { ...base, modalOpen: true },
];

// Two commands that do exactly the same thing on one key are redundant, not ambiguous.
const sameIntent = (a: KeyBinding, b: KeyBinding) => JSON.stringify(a.intent) === JSON.stringify(b.intent);

export function keymapConflicts(keymap: Keymap): KeyConflict[] {
  const keys = [...new Set(keymap.flatMap((b) => b.keys))];
  const order = new Map(keymap.map((b, i) => [b, i]));
  const seen = new Set<string>();
  const out: KeyConflict[] = [];
  for (const situation of SITUATIONS) {
    for (const key of keys) {
      const found = [...new Set(candidates(keymap, key, situation))].sort((a, b) => order.get(a)! - order.get(b)!);
      for (let i = 0; i < found.length; i++) {
        for (let j = i + 1; j < found.length; j++) {
          const [first, second] = [found[i]!, found[j]!];
          if (first.id === second.id || sameIntent(first, second)) continue;
          const id = `${key}\u0000${first.id}\u0000${second.id}`;
          if (seen.has(id)) continue;
          seen.add(id);
          out.push({ key, first, second });
        }
      }
    }
  }
  return out;
}
