import { ENGINE_LABELS, type EngineName, missingEngine } from './engines';

/** Before the browser tests: one line for each engine that cannot run here, so a skip never passes unseen. */
export default function reportMissingEngines(): void {
  for (const name of Object.keys(ENGINE_LABELS) as EngineName[]) {
    const missing = missingEngine(name);
    if (missing) console.log(missing);
  }
}
