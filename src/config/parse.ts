import { catalog } from './catalog';
import { resolveConfig } from './resolve';
import { notInCatalog } from './not-in-catalog';
import { closest } from './suggest';
import type { ResolvedConfig } from './types';

/**
 * Validates a config and resolves it against the whole catalog, bundled: for the CLI and the tests.
 * The script tag loads only the entries a config names (`load.ts`).
 * @throws {TemoinConfigError} listing every problem, each with its path.
 */
export const parseConfig = (input: unknown): ResolvedConfig => resolveConfig(input, catalog, notInCatalog(Object.keys(catalog), closest));
