/**
 * WCAG 2.2 contrast ratio of two `#rrggbb` colours (success criterion 1.4.3: 4.5:1 for text), from
 * their relative luminance as WCAG defines it.
 */
export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return Number.NaN;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The theme's colours, with the widget's defaults (src/ui/styles.ts), and the pairs that carry text. */
export const THEME_DEFAULTS = {
  background: '#ffffff',
  text: '#1f2937',
  accent: '#1d4ed8',
  'accent-text': '#ffffff',
  focus: '#b45309',
} as const;

export type ThemeColour = keyof typeof THEME_DEFAULTS;

/**
 * [foreground, background, least ratio]: the banner's text, the buttons' labels (the three buttons
 * share one style, so their prominence stays equal whatever the colours), links, and the focus ring
 * (a non-text contrast: 3:1, WCAG 1.4.11).
 */
export const CONTRAST_PAIRS: readonly [ThemeColour, ThemeColour, number][] = [
  ['text', 'background', 4.5],
  ['accent-text', 'accent', 4.5],
  ['accent', 'background', 4.5],
  ['focus', 'background', 3],
];
