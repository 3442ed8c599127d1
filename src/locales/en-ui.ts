import type { UiTexts } from './fr-ui';

/**
 * The English texts the UI shows beside the banner's (en.ts): the status line's and the exempt
 * note (fr-ui.ts). The script tag's UI loads them with the banner's, for an English config only
 * (`temoin-en.mjs`, src/embed-ui.ts): a French page never downloads them.
 */
export const enUi: UiTexts = {
  saved: 'Choices saved',
  exemptNote: 'Audience measurement exempt from consent ({trackers}): anonymous statistics, as the CNIL allows; you can object from “{customise}”.',
};
