/**
 * `--html FILE`: one self-contained page a data-protection officer can read, in French or English:
 * the banner as visitors saw it, the findings, and every cookie and storage key with a column per
 * pass. Every text is escaped; only http(s) URLs become links.
 */
import type { Locale } from '../../config/types';
import { isHttpUrl } from '../../config/rules';
import { AUDITS, SEVERITIES } from '../audits';
import { isExcludedUrl } from '../declared';
import { observedCookies, observedStorage } from '../model';
import type { ScanResult } from '../scan';
import { PASSES, type PassName, type Severity } from '../types';

const WORDS = {
  fr: {
    title: 'Rapport de vérification des cookies',
    scanned: 'Pages vérifiées',
    date: 'Date',
    config: 'Configuration',
    fromPage: 'celle que la page exécute',
    fromFile: 'fichier donné (--config)',
    noConfig: 'aucune : temoin ne s’exécute pas sur la première page',
    banner: 'Le bandeau tel que les visiteurs le voient',
    bannerAlt: 'Capture de la page au premier chargement, avec le bandeau de temoin',
    findings: 'Constats',
    none: 'Aucun constat.',
    rule: 'Règle',
    item: 'Cookie ou clé',
    tracker: 'Traceur',
    page: 'Page',
    setBy: 'Déposé par',
    pass: 'Passage',
    cookies: 'Cookies',
    storage: 'Stockage local',
    name: 'Nom',
    domain: 'Domaine',
    origin: 'Origine',
    area: 'Zone',
    expires: 'Expire',
    session: 'fin de session',
    undeclared: 'non déclaré',
    own: 'temoin (choix du visiteur)',
    pages: 'Pages',
    status: 'Statut HTTP',
    widget: 'temoin démarré',
    excluded: 'Page exclue',
    yes: 'oui',
    no: 'non',
    thirdParties: 'Domaines tiers contactés',
    passes: { before: 'Avant tout choix', refused: 'Après « Tout refuser »', accepted: 'Après « Tout accepter »' },
    severity: { error: 'erreur', warning: 'avertissement', info: 'information' },
    severities: { error: 'erreurs', warning: 'avertissements', info: 'informations' },
    suggestion: 'Peut-être :',
    seen: 'présent',
    notSeen: 'absent',
    notRun: 'passage non effectué',
  },
  en: {
    title: 'Cookie scan report',
    scanned: 'Pages scanned',
    date: 'Date',
    config: 'Config',
    fromPage: 'the one the page runs',
    fromFile: 'given file (--config)',
    noConfig: 'none: temoin does not run on the first page',
    banner: 'The banner as visitors see it',
    bannerAlt: 'Screenshot of the page at first visit, with temoin’s banner',
    findings: 'Findings',
    none: 'No finding.',
    rule: 'Rule',
    item: 'Cookie or key',
    tracker: 'Tracker',
    page: 'Page',
    setBy: 'Set by',
    pass: 'Pass',
    cookies: 'Cookies',
    storage: 'Local storage',
    name: 'Name',
    domain: 'Domain',
    origin: 'Origin',
    area: 'Area',
    expires: 'Expires',
    session: 'end of session',
    undeclared: 'undeclared',
    own: 'temoin (the visitor’s choice)',
    pages: 'Pages',
    status: 'HTTP status',
    widget: 'temoin started',
    excluded: 'Excluded page',
    yes: 'yes',
    no: 'no',
    thirdParties: 'Third-party hosts contacted',
    passes: { before: 'Before any choice', refused: 'After “Reject all”', accepted: 'After “Accept all”' },
    severity: { error: 'error', warning: 'warning', info: 'info' },
    severities: { error: 'errors', warning: 'warnings', info: 'infos' },
    suggestion: 'Perhaps:',
    seen: 'present',
    notSeen: 'absent',
    notRun: 'pass not run',
  },
} as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (url: string | null | undefined) => (!url ? '' : isHttpUrl(url) ? `<a href="${escape(url)}">${escape(url)}</a>` : escape(url));
const COLORS: Record<Severity, string> = { error: '#a4161a', warning: '#8a5300', info: '#1d4f91' };

export function htmlReport(result: ScanResult, lang: Locale): string {
  const w = WORDS[lang];
  const { artifacts, config, configSource, findings } = result;
  const ran = new Set(artifacts.passes.map((run) => run.pass));
  const date = new Date(artifacts.startedAt * 1000);
  const when = (seconds: number | null) => (seconds === null ? w.session : new Date(seconds * 1000).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC');
  const passCells = (passes: readonly PassName[]) =>
    PASSES.map((pass) => `<td>${!ran.has(pass) ? `<span class="muted">${w.notRun}</span>` : passes.includes(pass) ? `<strong>✓ ${w.seen}</strong>` : `<span class="muted">– ${w.notSeen}</span>`}</td>`).join('');
  const passHeads = PASSES.map((pass) => `<th scope="col">${escape(w.passes[pass])}</th>`).join('');
  const trackerCell = (tracker: string | null, declared: boolean) => (tracker ? escape(tracker) : declared ? w.own : `<strong class="error">${w.undeclared}</strong>`);

  const findingRows = AUDITS.flatMap((audit) =>
    findings
      .filter((finding) => finding.rule === audit.id)
      .map(
        (finding) => `<tr>
<td><span class="badge" style="background:${COLORS[finding.severity]}">${escape(w.severity[finding.severity])}</span> ${escape(audit.title[lang])} <code>${escape(audit.id)}</code></td>
<td><code>${escape(finding.cookie ?? finding.storageKey ?? '')}</code>${finding.suggestion ? `<br>${w.suggestion} <code>${escape(finding.suggestion)}</code>` : ''}</td>
<td>${escape(finding.tracker ?? '')}</td><td>${link(finding.url)}</td><td>${link(finding.setBy)}</td><td>${finding.pass ? escape(w.passes[finding.pass]) : ''}</td></tr>`,
      ),
  );
  const cookieRows = observedCookies(result.model).map(
    (cookie) => `<tr><th scope="row"><code>${escape(cookie.name)}</code>${cookie.httpOnly ? ' <small>HttpOnly</small>' : ''}</th><td>${escape(cookie.domain)}</td><td>${trackerCell(cookie.tracker, cookie.declared)}</td><td>${when(cookie.expires)}</td><td>${link(cookie.setBy)}</td>${passCells(cookie.passes)}</tr>`,
  );
  const storageRows = observedStorage(result.model).map(
    (item) => `<tr><th scope="row"><code>${escape(item.key)}</code></th><td>${item.area}</td><td>${escape(item.origin)}</td><td>${trackerCell(item.tracker, item.declared)}</td>${passCells(item.passes)}</tr>`,
  );
  const pageRows = artifacts.pages.map(
    (page) => `<tr><td>${link(page.url)}</td><td>${page.status ?? escape(page.error ?? '')}</td><td>${page.widget ? w.yes : w.no}</td><td>${isExcludedUrl(config, page.url) ? w.yes : w.no}</td></tr>`,
  );
  /** `2 avertissements`, `0 erreur`: French counts zero and one in the singular. */
  const tally = (severity: Severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return `${count} ${(count > 1 ? w.severities : w.severity)[severity]}`;
  };
  const site = new URL(artifacts.seeds[0]).host;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(w.title)} — ${escape(site)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:80rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;width:100%;margin:0 0 2rem;font-size:.9rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#eef1f5}.badge{color:#fff;border-radius:.25rem;padding:0 .4rem;white-space:nowrap}.muted{color:#595959}.error{color:#a4161a}
img{max-width:100%;height:auto;border:1px solid #bbb}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
</style></head><body>
<h1>${escape(w.title)} — ${escape(site)}</h1>
<dl>
<dt>${w.date}</dt><dd>${escape(date.toISOString().replace('T', ' ').slice(0, 16))} UTC</dd>
<dt>${w.scanned}</dt><dd>${artifacts.pages.filter((page) => !page.error).length} (${artifacts.seeds.map(link).join(', ')})</dd>
<dt>${w.config}</dt><dd>${config ? `${escape(config.tenant.name)} (<code>${escape(config.tenant.id)}</code>, ${configSource === 'file' ? w.fromFile : w.fromPage})` : w.noConfig}</dd>
<dt>${w.findings}</dt><dd>${SEVERITIES.map(tally).join(', ')}</dd>
</dl>
${artifacts.bannerScreenshot ? `<h2>${w.banner}</h2>\n<img src="data:image/png;base64,${artifacts.bannerScreenshot}" alt="${escape(w.bannerAlt)}" width="1280" height="800">` : ''}
<h2>${w.findings}</h2>
${findingRows.length ? `<table><thead><tr><th scope="col">${w.rule}</th><th scope="col">${w.item}</th><th scope="col">${w.tracker}</th><th scope="col">${w.page}</th><th scope="col">${w.setBy}</th><th scope="col">${w.pass}</th></tr></thead><tbody>\n${findingRows.join('\n')}\n</tbody></table>` : `<p>${w.none}</p>`}
<h2>${w.cookies}</h2>
<table><thead><tr><th scope="col">${w.name}</th><th scope="col">${w.domain}</th><th scope="col">${w.tracker}</th><th scope="col">${w.expires}</th><th scope="col">${w.setBy}</th>${passHeads}</tr></thead><tbody>
${cookieRows.join('\n')}
</tbody></table>
<h2>${w.storage}</h2>
<table><thead><tr><th scope="col">${w.name}</th><th scope="col">${w.area}</th><th scope="col">${w.origin}</th><th scope="col">${w.tracker}</th>${passHeads}</tr></thead><tbody>
${storageRows.join('\n')}
</tbody></table>
<h2>${w.thirdParties}</h2>
<ul>${artifacts.passes.map((run) => `<li>${escape(w.passes[run.pass])}${lang === 'fr' ? ' :' : ':'} ${run.thirdParties.length ? run.thirdParties.map(escape).join(', ') : '—'}</li>`).join('')}</ul>
<h2>${w.pages}</h2>
<table><thead><tr><th scope="col">URL</th><th scope="col">${w.status}</th><th scope="col">${w.widget}</th><th scope="col">${w.excluded}</th></tr></thead><tbody>
${pageRows.join('\n')}
</tbody></table>
</body></html>
`;
}
