import { createShadowHost } from './shadow';

/**
 * The launcher's stylesheet and label for a config. They come with the validator
 * (`launcher-look.ts`) and, for the script tag, from the validated-config cache: a returning
 * visitor's core draws the button without carrying them.
 */
export interface LauncherLook {
  css: string;
  label: string;
  lang: string;
}

/**
 * The small *Gestion des cookies* button shown once a choice exists, so that withdrawing is as easy
 * as agreeing (CNIL, délibération 2020-091 art. 2). Plain DOM: a returning visitor never loads the UI.
 */
export function showLauncher({ css, label, lang }: LauncherLook, open: () => void): { remove(): void } {
  const { host, root } = createShadowHost('launcher', css);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', open);
  host.lang = lang;
  root.append(button);
  return { remove: () => host.remove() };
}
