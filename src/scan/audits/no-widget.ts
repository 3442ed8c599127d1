import { type Audit, finding } from './audit';

/** A page of the site that loaded, where temoin did not start. */
export const noWidget: Audit = {
  id: 'no-widget',
  severity: 'warning',
  title: { en: 'temoin did not start', fr: 'temoin n’a pas démarré' },
  run: ({ artifacts }) =>
    artifacts.pages
      .filter((page) => !page.widget && !page.error)
      .map((page) =>
        finding(noWidget, {
          pass: 'before',
          url: page.url,
          tracker: null,
          message: `temoin did not start on ${page.url}: no banner, nothing gated there.`,
        }),
      ),
};
