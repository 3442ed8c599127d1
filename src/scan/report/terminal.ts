/** The terminal summary: what was scanned, then the findings grouped by rule, worst first. */
import { plural } from '../../cli/check';
import { AUDITS } from '../audits';
import { observedCookies, observedStorage } from '../model';
import type { ScanResult } from '../scan';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export function terminalReport(result: ScanResult): string[] {
  const { artifacts, config, configSource, findings } = result;
  const lines: string[] = [];
  const loaded = artifacts.pages.filter((page) => !page.error);
  const failed = artifacts.pages.filter((page) => page.error);
  const passes = artifacts.passes.map((run) => run.pass).join(', ');
  lines.push(`temoin scan of ${artifacts.seeds.join(', ')}: ${plural(loaded.length, 'page')}, passes ${passes}.`);
  lines.push(
    config
      ? `Config: tenant "${config.tenant.id}" (fingerprint ${config.fingerprint}), ${configSource === 'file' ? 'from --config' : "as the page's temoin runs it"}.`
      : 'Config: none (temoin did not run on the first page): every cookie is undeclared; --draft-config writes a starting one.',
  );
  for (const page of failed) lines.push(`Not scanned: ${page.url}: ${page.error}.`);
  if (artifacts.pages[0]?.widget && artifacts.passes.length === 1) lines.push('The refused and accepted passes did not run: the scan reached --max-time.');
  const cookies = observedCookies(result.model);
  const storage = observedStorage(result.model);
  lines.push(
    `Seen: ${plural(cookies.length, 'cookie')} (${cookies.filter((c) => c.httpOnly).length} HttpOnly), ${plural(storage.length, 'storage key')}; ` +
      `third-party hosts: ${artifacts.passes.map((run) => `${run.pass} ${run.thirdParties.length}`).join(', ')}.`,
  );
  for (const audit of AUDITS) {
    const found = findings.filter((finding) => finding.rule === audit.id);
    if (!found.length) continue;
    lines.push('', `${MARK[audit.severity]} ${audit.severity} ${audit.id}: ${audit.title.en} (${found.length})`);
    for (const finding of found) lines.push(`  ${finding.message}`);
  }
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  lines.push('', `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info', 'infos')}.`);
  return lines;
}
