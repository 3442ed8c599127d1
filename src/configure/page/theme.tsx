import { CONTRAST_PAIRS, contrastRatio, THEME_DEFAULTS, type ThemeColour } from '../contrast';
import { fill, type Words } from '../words';

const COLOURS = Object.keys(THEME_DEFAULTS) as ThemeColour[];

/** The widget's `--temoin-*` colours, with the contrast of each pair that carries text. */
export function Theme({ theme, w, onChange }: { theme: Record<string, string>; w: Words; onChange(next: Record<string, string>): void }) {
  const colour = (name: ThemeColour) => theme[name] ?? THEME_DEFAULTS[name];
  return (
    <div class="theme">
      <p class="muted">{w.themeNote}</p>
      {COLOURS.map((name) => (
        <div class="field colour">
          <label for={`theme-${name}`}>
            {w.colours[name]} <code>--temoin-{name}</code>
          </label>
          <input
            type="color"
            id={`theme-${name}`}
            value={colour(name)}
            onInput={(e) => {
              const next = { ...theme, [name]: e.currentTarget.value };
              if (next[name] === THEME_DEFAULTS[name]) delete next[name];
              onChange(next);
            }}
          />
        </div>
      ))}
      <ul class="contrasts">
        {CONTRAST_PAIRS.map(([fg, bg, min]) => {
          const ratio = contrastRatio(colour(fg), colour(bg));
          const low = ratio < min;
          return (
            <li class={low ? 'error' : 'ok'} data-pair={`${fg}/${bg}`}>
              {w.colours[fg]} / {w.colours[bg]} : {fill(low ? w.contrastLow : w.contrast, { ratio: (Math.floor(ratio * 100) / 100).toFixed(2), min })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The theme as CSS a site adds to its pages. */
export const themeCss = (theme: Record<string, string>) =>
  Object.keys(theme).length ? `:root {\n${Object.entries(theme).map(([name, value]) => `  --temoin-${name}: ${value};`).join('\n')}\n}` : '';
