import { catalogMatch } from '../declared';
import { firstSighting } from '../model';
import { type Audit, about, finding, setByText, subject } from './audit';

/** A cookie or storage key that no declaration of the config matches; temoin's own are declared. */
export const undeclared: Audit = {
  id: 'undeclared',
  severity: 'error',
  title: { en: 'Not declared in the config', fr: 'Absent de la configuration' },
  run: ({ model, catalog, config }) =>
    [...model.cookies, ...model.storage].flatMap((item) => {
      const first = firstSighting(item.seen);
      if (item.declaration || !first) return [];
      const name = 'name' in item ? item.name : item.key;
      const suggestion = catalogMatch(catalog, name, 'name' in item ? 'cookie' : 'storage');
      const hint = suggestion ? `: did you mean ${suggestion}?` : '.';
      return [
        finding(undeclared, {
          pass: first.pass,
          url: first.sighting.page,
          tracker: null,
          suggestion,
          setBy: first.sighting.setBy,
          ...about(item),
          message: `${subject(item)}${'name' in item ? ` on ${item.domain}` : ` on ${item.origin}`} matches no declaration of ${config ? 'the config' : 'a config (temoin did not run)'}, first seen on ${first.sighting.page}${setByText(first.sighting.setBy)}${hint}`,
        }),
      ];
    }),
};
