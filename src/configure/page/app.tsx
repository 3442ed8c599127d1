import { useEffect, useMemo, useState } from 'preact/hooks';
import { lint } from '../../cli/lint';
import { check } from '../../cli/check';
import { catalog } from '../../config/catalog';
import type { CategoryInput, Locale, Tracker, TrackerRef } from '../../config/types';
import { en } from '../../locales/en';
import { enPreferences } from '../../locales/en-preferences';
import { fr } from '../../locales/fr';
import { frPreferences } from '../../locales/fr-preferences';
import { isExcludedPage } from '../../trackers/excluded-paths';
import { importText } from '../import';
import { decodeState } from '../share';
import { askedOf, type ConfigureState, EMPTY_CONFIG, type Path, removeAt, setAt } from '../state';
import { fill, WORDS } from '../words';
import { CatalogPicker } from './catalog-picker';
import { configJson, download, Exports } from './exports';
import { Check, Choice, Field, type FieldContext, OtherProblems, Section } from './fields';
import { OwnCategory, OwnTracker } from './own-tracker';
import { Preview } from './preview';
import { Theme } from './theme';

/** What the server handed this page at its start; absent when the page is served without it (the demo). */
interface Start {
  token: string;
  file: string | null;
}

const start: Start | null = (() => {
  const element = document.getElementById('temoin-configure-start');
  return element ? (JSON.parse(element.textContent ?? '') as Start) : null;
})();

const TEXT_KEYS = { fr: { ...fr, ...frPreferences }, en: { ...en, ...enPreferences } } as Record<Locale, Record<string, string>>;
const refId = (ref: TrackerRef) => (typeof ref === 'string' ? ref : ref.id);
/** The config paths that have a field of their own on the page; problems elsewhere are listed apart. */
const FIELD_PATHS = new Set(['tenant.id', 'tenant.name', 'tenant.consentMaxAgeMonths', 'tenant.locale', 'tenant.privacyPolicyUrl', 'tenant.cookieDomain', 'revision', 'cookieName', 'googleConsentMode', 'floatingButton', 'globalPrivacyControl', 'consentEndpoint', 'nonce', 'excludedPaths']);

export function App() {
  const [lang, setLang] = useState<Locale>(navigator.language.startsWith('fr') ? 'fr' : 'en');
  const [state, setState] = useState<ConfigureState>({ config: EMPTY_CONFIG(), theme: {} });
  // What visitors were asked under the config as loaded or last saved; none for a new config.
  const [asked, setAsked] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [pasted, setPasted] = useState('');
  const [tested, setTested] = useState('');
  // A pasted config that does not validate waits here with its problems; the form keeps its state.
  const [held, setHeld] = useState<{ config: Record<string, unknown>; problems: string[] } | null>(null);
  const w = WORDS[lang];
  const { config } = state;

  const replace = (next: ConfigureState) => {
    setState(next);
    setAsked(askedOf(next.config));
  };

  // The state a share link carries, else the file the server was started with.
  useEffect(() => {
    void (async () => {
      const shared = await decodeState(location.hash);
      if (shared instanceof Error) return setNotice(fill(w.shareBroken, { error: shared.message }));
      if (shared) return replace(shared);
      if (!start?.file) return;
      const answer = await fetch('/api/config', { headers: { 'x-temoin-token': start.token } });
      const { text } = (await answer.json()) as { text: string | null };
      if (text === null) return;
      const imported = importText(text, Object.keys(catalog));
      if (imported.kind === 'config') return replace({ config: imported.config, theme: {} });
      setPasted(text);
      setNotice(fill(w.loadFailed, { file: start.file }));
    })();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = w.title;
  }, [lang]);

  const { findings, resolved } = useMemo(() => {
    const checked = check(config);
    return { findings: lint(config).findings, resolved: checked.ok ? checked.config : undefined };
  }, [config]);
  const problems = useMemo(() => {
    const byPath = new Map<string, typeof findings>();
    for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
    return byPath;
  }, [findings]);
  const errors = findings.filter((f) => f.level === 'error');

  const set = (path: Path, value: unknown) => setState((s) => ({ ...s, config: setAt(s.config, path, value) }));
  const ctx: FieldContext = { config, set, problems, w };
  const trackers = (Array.isArray(config.trackers) ? config.trackers : []) as TrackerRef[];
  const categories = (Array.isArray(config.categories) ? config.categories : []) as CategoryInput[];
  const locale: Locale = (config.tenant as { locale?: Locale } | undefined)?.locale ?? 'fr';
  const revision = typeof config.revision === 'number' ? config.revision : 1;
  const askedChanged = asked !== null && askedOf(config) !== asked;
  const excluded = (Array.isArray(config.excludedPaths) ? config.excludedPaths : []).filter((p): p is string => typeof p === 'string');
  const elsewhere = [...problems.keys()].filter((path) => !FIELD_PATHS.has(path.replace(/\[.*$/, '')) && !path.startsWith('trackers') && !path.startsWith('texts'));

  async function save() {
    if (!start?.file) return download(start?.file ?? 'temoin.config.json', configJson(config));
    if (errors.length) return setNotice(w.saveInvalid);
    const answer = await fetch('/api/config', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-temoin-token': start.token },
      body: JSON.stringify(config),
    }).catch((error: unknown) => error as Error);
    if (answer instanceof Error) return setNotice(fill(w.saveFailed, { error: answer.message }));
    const body = (await answer.json().catch(() => ({}))) as { error?: string };
    setNotice(answer.ok ? fill(w.saved, { file: start.file }) : fill(w.saveFailed, { error: body.error ?? String(answer.status) }));
    if (answer.ok) setAsked(askedOf(config));
  }

  function importPasted(text: string) {
    const imported = importText(text, Object.keys(catalog));
    if (imported.kind === 'error') return setNotice(w.importNotJson);
    if (imported.kind === 'config') {
      const found = lint(imported.config).findings.filter((f) => f.level === 'error');
      if (found.length) {
        setHeld({ config: imported.config, problems: found.map((f) => `${f.path || '(config)'}: ${f.message}`) });
        return setNotice(fill(w.importInvalid, { n: found.length }));
      }
      setHeld(null);
      replace({ ...state, config: imported.config });
      return setNotice(w.importDone);
    }
    const ids = new Set(trackers.map(refId));
    set(['trackers'], [...trackers, ...imported.trackers.filter((id) => !ids.has(id))]);
    setNotice(fill(w.importScan, { n: imported.trackers.length }));
  }

  return (
    <>
      <header class="top">
        <h1>{w.title}</h1>
        <div class="field inline">
          <label for="page-lang">{w.language}</label>
          <select id="page-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value as Locale)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="button" class="primary" onClick={save}>
          {w.save}
        </button>
      </header>
      <p class="muted">{w.intro}</p>
      <p class="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <main class="layout">
        <div class="form">
          <Section id="site" title={w.site}>
            <Field ctx={ctx} path={['tenant', 'id']} label={w.tenantId} help={w.tenantIdHelp} />
            <Field ctx={ctx} path={['tenant', 'name']} label={w.tenantName} />
            <Field ctx={ctx} path={['tenant', 'consentMaxAgeMonths']} label={w.months} type="number" min={6} max={12} fallback={6} />
            <Choice ctx={ctx} path={['tenant', 'locale']} label={w.locale} options={['fr', 'en']} fallback="fr" />
            <Field ctx={ctx} path={['tenant', 'privacyPolicyUrl']} label={w.policy} type="url" placeholder="https://" />
            <Field ctx={ctx} path={['tenant', 'cookieDomain']} label={w.cookieDomain} />
            <Field ctx={ctx} path={['revision']} label={w.revision} type="number" min={1} fallback={1} />
            {askedChanged ? (
              <p class="notice" role="status">
                {w.revisionPrompt}{' '}
                <button type="button" onClick={() => set(['revision'], revision + 1)}>
                  {fill(w.raiseRevision, { n: revision + 1 })}
                </button>
              </p>
            ) : null}
            <Field ctx={ctx} path={['cookieName']} label={w.cookieName} fallback="temoin" />
            <Check ctx={ctx} path={['googleConsentMode']} label={w.consentMode} fallback={false} />
            <Check ctx={ctx} path={['floatingButton']} label={w.floatingButton} fallback={true} />
            <Check ctx={ctx} path={['globalPrivacyControl']} label={w.gpc} fallback={true} />
            <Field ctx={ctx} path={['consentEndpoint']} label={w.endpoint} placeholder="/temoin/consent" />
            <Field ctx={ctx} path={['nonce']} label={w.nonce} />
            <Field ctx={ctx} path={['excludedPaths']} label={w.excluded} help={w.excludedHelp} type="lines" />
            <div class="field">
              <label for="excluded-tester">{w.excludedTester}</label>
              <input id="excluded-tester" value={tested} placeholder="/espace-adherent/remboursements" onInput={(e) => setTested(e.currentTarget.value)} />
              {tested ? (
                <p role="status" class={isExcludedPage(excluded, tested) ? 'ok' : 'muted'}>
                  {fill(isExcludedPage(excluded, tested) ? w.excludedYes : w.excludedNo, { path: tested })}
                </p>
              ) : null}
            </div>
            <OtherProblems ctx={ctx} paths={elsewhere} />
          </Section>

          <Section id="trackers" title={w.catalog}>
            <h3>{w.chosen}</h3>
            {trackers.length ? (
              <ul class="chosen">
                {trackers.map((ref, i) => {
                  const id = refId(ref);
                  const at = `trackers[${i}]`;
                  const paths = [...problems.keys()].filter((path) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`));
                  return (
                    <li id={`f-${at}`} tabIndex={-1}>
                      <span>
                        {typeof ref === 'string' ? (catalog[ref]?.name ?? ref) : ref.name || id} <code>{id}</code>
                      </span>{' '}
                      <button type="button" aria-label={`${w.remove} ${id}`} onClick={() => set(['trackers'], removeAt(trackers, i))}>
                        {w.remove}
                      </button>
                      <OtherProblems ctx={ctx} paths={paths} />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p class="muted">{w.noTracker}</p>
            )}
            <OtherProblems ctx={ctx} paths={problems.has('trackers') ? ['trackers'] : []} />
            <CatalogPicker trackers={trackers} locale={lang} w={w} onChange={(next) => set(['trackers'], next)} />
            <OwnTracker
              categories={['functional', 'audience', ...categories.map((c) => c.id)]}
              locale={locale}
              w={w}
              onAdd={(tracker: Tracker) => set(['trackers'], [...trackers, tracker])}
            />
            <OwnCategory locale={locale} w={w} onAdd={(category) => set(['categories'], [...categories, category])} />
          </Section>

          <Section id="texts" title={w.texts}>
            <p class="muted">{w.textsHelp}</p>
            <details>
              <summary>{locale}</summary>
              {Object.entries(TEXT_KEYS[locale]).map(([key, text]) => (
                <Field ctx={ctx} path={['texts', locale, key]} label={key} placeholder={text} />
              ))}
            </details>
          </Section>

          <Section id="look" title={w.theme}>
            <Theme theme={state.theme} w={w} onChange={(theme) => setState((s) => ({ ...s, theme }))} />
          </Section>

          <Section id="import" title={w.import}>
            <label for="import-text">{w.importPaste}</label>
            <textarea id="import-text" rows={5} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
            <div class="row">
              <button type="button" onClick={() => importPasted(pasted)}>
                {w.importButton}
              </button>
              <label for="import-file">{w.importFile}</label>
              <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => e.currentTarget.files?.[0]?.text().then(importPasted)} />
            </div>
            {held ? (
              <div class="held">
                <ul class="problems error" aria-label={w.importProblems}>
                  {held.problems.map((problem) => (
                    <li>{problem}</li>
                  ))}
                </ul>
                <button
                  type="button"
                  onClick={() => {
                    replace({ ...state, config: held.config });
                    setHeld(null);
                    setNotice(w.importDone);
                  }}
                >
                  {w.importAnyway}
                </button>
              </div>
            ) : null}
          </Section>
        </div>

        <div class="side">
          <Section id="checks" title={w.checks}>
            {findings.length ? (
              <>
                <p role="status">{fill(w.problems, { n: findings.length })}</p>
                <ul class="findings">
                  {findings.map((f) => (
                    <li class={f.level}>
                      <a href={`#f-${f.path}`}>{f.path || '(config)'}</a>: {f.message}
                      {f.rule ? ` [${f.rule}]` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p role="status" class="ok">
                {w.noProblem}
              </p>
            )}
            {resolved ? (
              <p>
                {w.fingerprint}: <code id="fingerprint">{resolved.fingerprint}</code>
              </p>
            ) : null}
          </Section>
          <Section id="preview" title={w.preview}>
            <Preview config={config} theme={state.theme} valid={!!resolved} w={w} />
          </Section>
          <Section id="exports" title={w.exports}>
            <Exports state={state} resolved={resolved} w={w} />
          </Section>
        </div>
      </main>
    </>
  );
}
