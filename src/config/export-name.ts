/**
 * The name `temoin/catalog` exports a catalog entry under: its id in camelCase
 * (`google-analytics` → `googleAnalytics`).
 */
export const exportName = (id: string): string => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
