import type { ResolvedConfig } from './config/types';
import type { LauncherLook } from './config/cache';
import { MANAGE_COOKIES } from './locales/manage-cookies';

const CSS =
  `:host{all:initial!important}` +
  `button{position:fixed;z-index:2147483000;inset:auto auto 16px 16px;min-height:44px;padding:10px 16px;border:2px solid var(--temoin-accent,#1d4ed8);border-radius:var(--temoin-radius,999px);background:var(--temoin-background,#fff);color:var(--temoin-accent,#1d4ed8);font:600 15px/1.2 var(--temoin-font,system-ui,sans-serif);cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.2)}` +
  `button:focus-visible{outline:3px solid var(--temoin-focus,#b45309);outline-offset:2px}`;

/** The launcher of `config`: its *manageCookies* text, the config's own or the locale's. */
export function launcherLook(config: ResolvedConfig): LauncherLook {
  const { locale } = config.tenant;
  return { css: CSS, label: config.texts[locale]?.manageCookies ?? MANAGE_COOKIES[locale], lang: locale };
}
