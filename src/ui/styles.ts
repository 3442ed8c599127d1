import { LINK_BUTTON, WRAPPER } from './names';

/**
 * The widget's CSS, inside its shadow root. Themed by inherited custom properties (README):
 * `--temoin-background`, `--temoin-text`, `--temoin-accent`, `--temoin-accent-text`, `--temoin-focus`,
 * `--temoin-radius`, `--temoin-font`. The defaults keep text at 4.5:1 and controls at 3:1 or more
 * (WCAG 1.4.3, 1.4.11); every target is at least 24×24 px (WCAG 2.5.8); all boxes are fixed, so the
 * host page never moves (CLS 0). What only the preferences dialog uses comes with it (preferences/preferences-styles.ts).
 */
export const CSS =
  `:host{all:initial!important;display:contents!important}` +
  `.${WRAPPER}{--b:var(--temoin-background,#fff);--t:var(--temoin-text,#1f2937);--a:var(--temoin-accent,#1d4ed8);--at:var(--temoin-accent-text,#fff);--r:var(--temoin-radius,8px);font:15px/1.45 var(--temoin-font,system-ui,sans-serif);color:var(--t)}` +
  `*{box-sizing:border-box}` +
  `:focus-visible{outline:3px solid var(--temoin-focus,#b45309);outline-offset:2px}` +
  `h2{margin:0;font-size:1.15em}` +
  `p{margin:8px 0 0}` +
  `a,.${LINK_BUTTON}{color:var(--a);text-decoration:underline}` +
  `.banner{position:fixed;z-index:2147483000;inset:auto 8px 8px;margin:auto;max-width:992px;max-height:70vh;padding:12px 16px 16px;background:var(--b);border-radius:var(--r);box-shadow:0 4px 24px rgb(0 0 0/.35);overflow:auto;overscroll-behavior:contain}` +
  `.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 12px}` +
  `button{font:inherit;cursor:pointer}` +
  `.${LINK_BUTTON}{min-height:32px;padding:4px;margin:-4px;border:0;background:none}` +
  `.btn{min-height:44px;padding:8px 16px;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--at);font-weight:600}` +
  `.act{display:grid;grid-template-columns:repeat(auto-fit,minmax(176px,1fr));gap:8px;margin-top:12px}`;
