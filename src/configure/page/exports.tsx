import { useEffect, useState } from 'preact/hooks';
import { toHtml } from '../../cli/cookie-formats';
import type { ResolvedConfig } from '../../config/types';
import { COLUMNS, cookieGroups } from '../../ui/cookie-rows';
import { preferencesWords } from '../../ui/preferences-texts';
import { encodeState } from '../share';
import { scriptTag } from '../snippet';
import type { ConfigureState } from '../state';
import type { Words } from '../words';
import { themeCss } from './theme';

/** Offers `text` as a file to download. */
export function download(name: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const configJson = (config: Record<string, unknown>) => `${JSON.stringify(config, null, 2)}\n`;

function Block({ id, label, text, w }: { id: string; label: string; text: string; w: Words }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="block">
      <label for={id}>{label}</label>
      <textarea id={id} readOnly rows={Math.min(12, text.split('\n').length + 1)} value={text} />
      <button
        type="button"
        onClick={() =>
          navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {w.copy}
      </button>
      <span role="status" class="muted">
        {copied ? w.copied : ''}
      </span>
    </div>
  );
}

/** The config, its script tag, its cookie table and a link carrying the whole state. */
export function Exports({ state, resolved, w }: { state: ConfigureState; resolved: ResolvedConfig | undefined; w: Words }) {
  const [link, setLink] = useState('');
  useEffect(() => {
    let current = true;
    encodeState(state).then((hash) => current && setLink(`${location.origin}${location.pathname}${hash}`));
    return () => {
      current = false;
    };
  }, [state]);
  const css = themeCss(state.theme);
  const table = resolved
    ? (() => {
        const words = preferencesWords(resolved);
        return toHtml(cookieGroups(resolved), COLUMNS.map(({ key }) => words.t(key)), resolved.tenant.locale);
      })()
    : '';
  return (
    <div class="exports">
      <Block id="export-json" label={w.json} text={configJson(state.config)} w={w} />
      <button type="button" onClick={() => download('temoin.config.json', configJson(state.config))}>
        {w.download}
      </button>
      <Block id="export-tag" label={w.scriptTag} text={scriptTag(state.config) + (css ? `\n<style>\n${css}\n</style>` : '')} w={w} />
      {table ? <Block id="export-table" label={w.cookieTable} text={table} w={w} /> : null}
      <Block id="export-share" label={w.share} text={link} w={w} />
      <p class="muted">{w.shareHelp}</p>
    </div>
  );
}
