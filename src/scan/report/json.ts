/** `--json FILE`: the report of docs/contract.md §15, for CI and other tools. */
import { isExcludedUrl } from '../declared';
import { observedCookies, observedStorage } from '../model';
import type { ScanResult } from '../scan';

declare const __TEMOIN_VERSION__: string;

export function jsonReport(result: ScanResult) {
  const { artifacts, config, configSource, findings } = result;
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  return {
    temoin: __TEMOIN_VERSION__,
    scannedAt: new Date(artifacts.startedAt * 1000).toISOString(),
    urls: artifacts.seeds,
    config: config && { source: configSource, tenant: config.tenant.id, fingerprint: config.fingerprint },
    passes: artifacts.passes.map(({ pass, choice, choicePage, thirdParties }) => ({ pass, choice: choice ?? null, choicePage: choicePage ?? null, thirdParties })),
    pages: artifacts.pages.map(({ url, status, widget, error }) => ({ url, status, widget, excluded: isExcludedUrl(config, url), ...(error ? { error } : {}) })),
    cookies: observedCookies(result.model),
    storage: observedStorage(result.model),
    findings: findings.map(({ rule, severity, pass, url, cookie, storageKey, tracker, suggestion, setBy, message }) => ({
      rule,
      severity,
      pass,
      url,
      ...(cookie !== undefined ? { cookie } : {}),
      ...(storageKey !== undefined ? { storageKey } : {}),
      tracker,
      suggestion,
      setBy: setBy ?? null,
      message,
    })),
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}
