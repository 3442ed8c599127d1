import type { ResolvedConfig } from './config/types';
import { MANAGE_COOKIES } from './locales/manage-cookies';
import { createShadowHost } from './shadow';

/** The floating button shown, to take off the page. */
export interface Launcher {
  remove(): void;
}

const CSS = `:host{all:initial!important}
button{position:fixed;z-index:2147483000;inset:auto auto 16px 16px;min-height:44px;padding:10px 16px;border:2px solid var(--temoin-accent,#1d4ed8);border-radius:var(--temoin-radius,999px);background:var(--temoin-background,#fff);color:var(--temoin-accent,#1d4ed8);font:600 15px/1.2 var(--temoin-font,system-ui,sans-serif);cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.2)}
button:focus-visible{outline:3px solid var(--temoin-focus,#b45309);outline-offset:2px}`;

/**
 * The small *Gestion des cookies* button shown once a choice exists, so that withdrawing is as easy
 * as agreeing (CNIL, délibération 2020-091 art. 2), in the config's language, its `manageCookies`
 * text the config's own or the locale's. Plain DOM in a file of its own (`temoin-launcher.mjs` for
 * the script tag, a chunk of an npm bundle): a page view that shows no button never loads it.
 */
export function showLauncher(config: ResolvedConfig, open: () => void): Launcher {
  const { locale } = config.tenant;
  const { host, root } = createShadowHost('launcher', CSS);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = config.texts[locale]?.manageCookies ?? MANAGE_COOKIES[locale];
  button.addEventListener('click', open);
  host.lang = locale;
  root.append(button);
  return { remove: () => host.remove() };
}
