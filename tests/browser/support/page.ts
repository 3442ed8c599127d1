export interface PageOptions {
  /** The config, serialised into `<script type="application/json" id="temoin-config">`; a string is used as is. */
  config?: unknown;
  head?: string;
  body?: string;
  /** Attributes of temoin's script tag; `data-config` defaults to `#temoin-config`. */
  scriptAttributes?: string;
}

/** A page using temoin the way docs/contract.md §4 shows: inline JSON config, then the script tag. */
export function pageHtml({ config, head = '', body = '', scriptAttributes = 'data-config="#temoin-config"' }: PageOptions): string {
  // `<` escaped as JSON allows, so that a `</script>` inside a string cannot end the element.
  const json = config === undefined ? '' : typeof config === 'string' ? config : JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>temoin test</title>
${json ? `<script type="application/json" id="temoin-config">${json}</script>` : ''}
<script src="/dist/temoin.js" ${scriptAttributes}></script>
${head}</head>
<body>${body}</body></html>`;
}

/** A config for tests: tenant `mutuelle`, the given trackers. */
export function testConfig(overrides: Record<string, unknown> = {}, tenant: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenant: { id: 'mutuelle', name: 'Mutuelle Test', privacyPolicyUrl: 'https://example.org/confidentialite', ...tenant },
    trackers: ['matomo', 'google-analytics'],
    ...overrides,
  };
}
