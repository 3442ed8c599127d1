import { CATALOG_IDS } from './catalog-ids';
import { configError, type Problem } from './messages';
import { notInCatalog } from './not-in-catalog';
import { closest } from './suggest';

/*
 * `temoin-config-errors.mjs`: what the script tag loads for a config with problems, and only then:
 * the messages, the catalog's ids and the "did you mean" hints. A valid config never pays for them.
 */

/**
 * The error a config's `problems` end in. An entry that did not load although the catalog has it
 * is the network's failure, not the config's: its load error (`failed`, by id) is the one to tell.
 */
export function explain(problems: readonly Problem[], failed: Readonly<Record<string, unknown>>): unknown {
  const lost = Object.keys(failed).find((id) => CATALOG_IDS.includes(id));
  return lost ? failed[lost] : configError(problems, notInCatalog(CATALOG_IDS, closest));
}
