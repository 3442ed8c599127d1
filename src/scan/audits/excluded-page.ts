import { isExcludedUrl, isFunctional } from '../declared';
import { type Audit, about, finding, setByText, subject } from './audit';
import { declaringTracker } from './consent-needed';

/**
 * Anything of a tracker that is not functional written while a page under `excludedPaths` was open,
 * by the page or its frames, in any pass: whatever the choice, nothing may run there (an exempt
 * audience measurement neither, docs/contract.md §15). A cookie merely sent along is no write.
 */
export const excludedPage: Audit = {
  id: 'excluded-page',
  severity: 'error',
  title: { en: 'Stored on an excluded page', fr: 'Déposé sur une page exclue' },
  run: ({ config, model }) =>
    [...model.cookies, ...model.storage].flatMap((item) => {
      const tracker = declaringTracker(item);
      if (!config || !tracker || isFunctional(config, tracker)) return [];
      const writes = item.writes.filter((write) => isExcludedUrl(config, write.page));
      if (!writes.length) return [];
      const [first] = writes;
      const setBy = 'via' in first ? first.setBy : (first.written?.setBy ?? null);
      const passes = [...new Set(writes.map((write) => write.pass))];
      return [
        finding(excludedPage, {
          pass: first.pass,
          url: first.page,
          tracker: tracker.id,
          setBy,
          ...about(item),
          message: `${subject(item)} of ${tracker.id} is written on ${first.page}, under excludedPaths${setByText(setBy)} (pass${passes.length > 1 ? 'es' : ''} ${passes.join(', ')}).`,
        }),
      ];
    }),
};
