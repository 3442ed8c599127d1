import { matchesCookieName } from '../../trackers/cookies';
import { type Audit, finding } from './audit';

/** A cookie the config declares that no pass saw: the declaration may be stale, or the tracker not on the scanned pages. */
export const declaredNotSeen: Audit = {
  id: 'declared-not-seen',
  severity: 'info',
  title: { en: 'Declared, never seen', fr: 'Déclaré, jamais vu' },
  run: ({ config, model }) =>
    (config?.trackers ?? []).flatMap((tracker) =>
      tracker.cookies
        .filter((cookie) => !model.cookies.some((record) => Object.keys(record.seen).length && matchesCookieName(cookie.name, record.name)))
        .map((cookie) =>
          finding(declaredNotSeen, {
            pass: null,
            url: null,
            tracker: tracker.id,
            cookie: cookie.name,
            message: `cookie ${cookie.name} declared by ${tracker.id} was seen in no pass.`,
          }),
        ),
    ),
};
