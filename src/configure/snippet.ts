/**
 * What a site pastes into its pages for a config: the config's JSON element and the script tag, as
 * the README gives them. Nothing more: temoin.js shows a first visit's banner itself and fetches
 * the rest side by side (docs/contract.md §4).
 */
export function scriptTag(config: Record<string, unknown>, base = '/path/to/temoin'): string {
  // JSON inside <script>: no "</" may close the element early.
  const json = JSON.stringify(config, null, 2).replace(/<\//g, '<\\/');
  return `<script type="application/json" id="temoin-config">
${json}
</script>
<script src="${base}/temoin.js" data-config="#temoin-config"></script>`;
}
