import type { Category } from './types';

/** The categories every config has, first, named and described by the widget's own texts. */
export const BUILT_IN_CATEGORIES: readonly Category[] = [
  { id: 'functional', required: true },
  { id: 'audience', required: false },
];

/** Whether `category` is one of `BUILT_IN_CATEGORIES`, whose texts are the widget's. */
export const isBuiltIn = (category: Category): boolean => BUILT_IN_CATEGORIES.some((builtIn) => builtIn.id === category.id);
