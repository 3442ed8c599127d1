import type { LauncherLook } from './config/cache';
import { whenParsed } from './document-parsed';
import { createShadowHost } from './shadow';

/** A floating button shown, until removed. */
export interface Launcher {
  remove(): void;
}

/**
 * The small *Gestion des cookies* button shown once a choice exists, so that withdrawing is as easy
 * as agreeing (CNIL, délibération 2020-091 art. 2). Plain DOM: a returning visitor never loads the UI.
 * Given its look, what the instance calls to show it (`InstanceOptions.launcher`).
 */
export const showLauncher =
  ({ css, label, lang }: LauncherLook) =>
  (open: () => void): Launcher => {
    const { host, root } = createShadowHost('launcher', css);
    // Alone in its shadow root, the button has no form to submit: no `type` to set.
    const button = document.createElement('button');
    button.textContent = label;
    button.addEventListener('click', open);
    host.lang = lang;
    root.append(button);
    let shown = true;
    // At the end of <body> once parsed, unless removed by then (a choice forgotten early).
    whenParsed(() => shown && document.body.append(host));
    return {
      remove() {
        shown = false;
        host.remove();
      },
    };
  };
