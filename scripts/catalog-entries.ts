import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tracker } from '../src/config/types';

/** Every entry of `catalog/*.json` under `root`, as the files hold them today, sorted by id. */
export function catalogEntries(root: string): Tracker[] {
  const dir = join(root, 'catalog');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tracker)
    .sort((a, b) => a.id.localeCompare(b.id));
}
