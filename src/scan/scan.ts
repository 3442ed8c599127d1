/// <reference types="node" />
/**
 * `temoin scan` as a library: gather in Chromium, then audit. The CLI (src/cli/scan.ts) parses
 * the command line and picks the reports; the tests call these directly.
 */
import { catalog } from '../config/catalog';
import type { ResolvedConfig } from '../config/types';
import { runAudits } from './audits';
import { findBrowser, LAUNCH_ARGS, loadPlaywright } from './browser';
import { gather, type GatherOptions, ScanFailure } from './gather';
import { buildModel, type Model } from './model';
import type { Artifacts, Finding } from './types';

export interface ScanResult {
  artifacts: Artifacts;
  /** The config the site was checked against, and where it came from. */
  config: ResolvedConfig | null;
  configSource: 'page' | 'file' | null;
  model: Model;
  findings: Finding[];
}

/** The audits of recorded artifacts, against `--config` when given, else the config the page's temoin ran. */
export function audit(artifacts: Artifacts, given?: ResolvedConfig): ScanResult {
  const config = given ?? artifacts.pageConfig;
  const model = buildModel(artifacts, config);
  return {
    artifacts,
    config,
    configSource: given ? 'file' : config ? 'page' : null,
    model,
    findings: runAudits({ artifacts, model, config, catalog }),
  };
}

export type ScanOptions = GatherOptions & { browser?: string; config?: ResolvedConfig };

/** Why the scan could not run (exit 2): no playwright-core, no browser, the first URL did not load. */
export class CannotScan extends Error {}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const loaded = await loadPlaywright();
  if ('missing' in loaded) throw new CannotScan(loaded.missing);
  const found = await findBrowser(options.browser);
  if ('missing' in found) throw new CannotScan(found.missing);
  let browser: import('playwright-core').Browser;
  try {
    browser = await loaded.playwright.chromium.launch({ executablePath: found.path, args: LAUNCH_ARGS, timeout: 30_000 });
  } catch (error) {
    throw new CannotScan(`Chromium (${found.path}) did not start: ${String((error as Error).message).split('\n')[0]}`);
  }
  try {
    return audit(await gather(browser, options), options.config);
  } catch (error) {
    if (error instanceof ScanFailure) throw new CannotScan(error.message);
    throw error;
  } finally {
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
}
