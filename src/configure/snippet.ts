/**
 * What a site pastes into its pages for a config: the config's JSON element, the first-visit lines
 * that fetch the banner and the catalog entries beside temoin.js, and the script tag, as the README
 * gives them.
 */
export function scriptTag(config: Record<string, unknown>, base = '/path/to/temoin'): string {
  const ids = (Array.isArray(config.trackers) ? config.trackers : []).filter((ref): ref is string => typeof ref === 'string');
  const english = (config.tenant as { locale?: string } | undefined)?.locale === 'en';
  const files = ['ui', ...ids.map((id) => `catalog-${id}${english ? '.en' : ''}`)];
  const cookieName = typeof config.cookieName === 'string' ? config.cookieName : 'temoin';
  // JSON inside <script>: no "</" may close the element early.
  const json = JSON.stringify(config, null, 2).replace(/<\//g, '<\\/');
  return `<script type="application/json" id="temoin-config">
${json}
</script>
<script>
  // First visits only (no consent cookie yet): the banner and the config's catalog entries come with temoin.js.
  if (!/(^|; )${cookieName.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}=/.test(document.cookie))
    for (const file of ${JSON.stringify(files)})
      import(\`${base}/temoin-\${file}.mjs\`).catch(() => {});
</script>
<script src="${base}/temoin.js" data-config="#temoin-config"></script>`;
}

