import { catalog } from './catalog';
import { resolveConfig } from './resolve';
import type { ResolvedConfig } from './types';

export { BUILT_IN_CATEGORIES } from './resolve';

/**
 * Validates a config and resolves it against the whole catalog, bundled: for `init()` and the CLI.
 * The script tag loads only the entries a config names (`load.ts`).
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export const parseConfig = (input: unknown): ResolvedConfig => resolveConfig(input, catalog);
