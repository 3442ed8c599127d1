/*
 * Ids and class names inside the widget's shadow root, shared by the elements that carry them, the
 * stylesheets that style them and the code that finds them. Short, since they ship in its CSS.
 */

/** The banner's title, which names the banner. */
export const BANNER_TITLE = 't-bt';
/** The preferences dialog's title, which names the dialog and takes the focus when it opens. */
export const PREFERENCES_TITLE = 't-pt';

/** The element holding the widget's layers, where its theme's custom properties are set. */
export const WRAPPER = 'w';
/** A button that looks like a link: *Continuer sans accepter*, *Fermer*. */
export const LINK_BUTTON = 'l';
/** A line of smaller print: a tracker's provider. */
export const NOTE = 'm';
/** Read by screen readers, not shown: the status line. */
export const VISUALLY_HIDDEN = 'vh';
