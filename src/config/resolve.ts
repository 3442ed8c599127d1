import { configError, type UnknownId } from './messages';
import { type Catalog, resolution } from './resolution';
import type { ResolvedConfig } from './types';

export type { Catalog } from './resolution';
export type { UnknownId } from './messages';

/**
 * Validates a config and resolves it against `catalog` (`resolution.ts`), at once, messages
 * bundled: for `init()`, the CLI and the server. `unknownId` says why an id is not in `catalog`.
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export function resolveConfig(input: unknown, catalog: Catalog, unknownId: UnknownId): ResolvedConfig {
  const resolved = resolution(input, catalog);
  if (Array.isArray(resolved)) throw configError(resolved, unknownId);
  return resolved;
}
