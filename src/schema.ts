/**
 * `temoin/schema` (docs/contract.md §13): the zod schemas of a config and of a catalog entry, for a
 * site's own tooling. Apart from `temoin`, so that a page using temoin never bundles zod.
 */
export { configSchema, trackerSchema } from './config/schema';
