import type { ResolvedConfig } from './config/types';
import { manageCookies as en } from './locales/en';
import { manageCookies as fr } from './locales/fr';
import { createShadowHost } from './shadow';

const CSS = `:host{all:initial!important}
button{position:fixed;z-index:2147483000;inset:auto auto 16px 16px;min-height:44px;padding:10px 16px;border:2px solid var(--temoin-accent,#1d4ed8);border-radius:var(--temoin-radius,999px);background:var(--temoin-background,#fff);color:var(--temoin-accent,#1d4ed8);font:600 15px/1.2 var(--temoin-font,system-ui,sans-serif);cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.2)}
button:focus-visible{outline:3px solid var(--temoin-focus,#b45309);outline-offset:2px}`;

/**
 * The small *Gestion des cookies* button shown once a choice exists, so that withdrawing is as easy
 * as agreeing (CNIL, délibération 2020-091 art. 2). Plain DOM: a returning visitor never loads the UI.
 */
export function showLauncher(config: ResolvedConfig, open: () => void): { remove(): void } {
  const { host, root } = createShadowHost('launcher', CSS);
  const { locale } = config.tenant;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = config.texts[locale]?.manageCookies ?? { fr, en }[locale];
  button.addEventListener('click', open);
  host.lang = locale;
  root.append(button);
  return { remove: () => host.remove() };
}
