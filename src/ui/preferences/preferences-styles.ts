import { NOTE } from '../names';

/**
 * The preferences dialog's own CSS, added to the widget's shadow root beside `styles.ts` when the
 * dialog is first built: it comes in the preferences chunk, not in a first visit's download.
 */
export const PREFERENCES_CSS =
  `.bd{position:fixed;z-index:2147483001;inset:0;display:flex;align-items:center;justify-content:center;padding:8px;background:rgb(0 0 0/.5)}` +
  `h3{margin:0;font-size:1em}` +
  `ul{margin:8px 0 0;padding:0;list-style:none}` +
  `.dlg{width:100%;max-width:768px;max-height:100%;padding:0 16px;background:var(--b);color:var(--t);border-radius:var(--r);box-shadow:0 4px 24px rgb(0 0 0/.35);overflow:auto;overscroll-behavior:contain}` +
  `.row{display:flex;align-items:center;gap:4px 12px}` +
  `.row>:first-child{flex:1}` +
  `.hd{padding:12px 0;background:var(--b)}` +
  `.ft{padding:4px 0 16px;background:var(--b)}` +
  `@media (min-height:576px){.hd,.ft{position:sticky;z-index:1}.hd{top:0}.ft{bottom:0}}` +
  `.cat{border-top:1px solid #9ca3af;padding:12px 0}` +
  `.trk{margin:12px 0 0 8px;padding-left:12px;border-left:3px solid #d1d5db}` +
  `.${NOTE},.tag{font-size:.93em}` +
  `.sw{appearance:none;flex:none;position:relative;width:44px;height:24px;margin:0;border-radius:12px;background:#6b7280;cursor:pointer}` +
  `.sw::before{content:"";position:absolute;top:3px;left:3px;width:18px;height:18px;border-radius:50%;background:var(--b)}` +
  `.sw:checked,.sw:indeterminate{background:var(--a)}` +
  `.sw:checked::before{transform:translateX(20px)}` +
  `.sw:indeterminate::before{transform:translateX(10px)}` +
  `.sw:disabled{opacity:.7;cursor:default}` +
  `summary{min-height:24px;margin-top:8px;cursor:pointer}` +
  `code{overflow-wrap:anywhere}` +
  `@media (prefers-reduced-motion:no-preference){.sw::before{transition:transform .15s}}` +
  `@media (forced-colors:active){.sw{border:2px solid}.sw::before{background:CanvasText}}`;
