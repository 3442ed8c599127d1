import { catalog } from '../config/catalog';
import { lifetimeDays, THIRTEEN_MONTHS_DAYS } from '../config/rules';
import type { ResolvedConfig, Tracker } from '../config/types';
import { preferencesWords } from '../ui/preferences-texts';
import { check } from './check';

/** A compliance problem: the config works, but likely breaks a rule the site must follow. */
export interface Warning {
  /** Id of the rule that found it, printed as `[rule]`. */
  rule: string;
  /** JSON path of the field concerned, as validation issues give it. */
  path: string;
  message: string;
  /** What to do about it. */
  advice: string;
}

/**
 * What a rule looks at: the file's parsed JSON, and the resolved config when it is valid. Rules on
 * fields that validation rejects read `input`, so that they explain what validation only refuses.
 */
export interface LintTarget {
  input: unknown;
  config?: ResolvedConfig;
}

export interface Rule {
  id: string;
  /** One line for `--help` and the README. */
  summary: string;
  /** A hint is printed like a warning, but is none: it never counts for `--strict`. */
  hint?: boolean;
  check(target: LintTarget): Warning[];
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;


/** An audience tracker of the catalog stays one when a config files it under a category of its own. */
const isAudience = (tracker: Tracker) => tracker.category === 'audience' || catalog[tracker.id]?.category === 'audience';
/** So does a tracker used for advertising. */
const isAdvertising = (tracker: Tracker) => tracker.advertising ?? catalog[tracker.id]?.advertising ?? false;

export const RULES: Rule[] = [
  {
    id: 'audience-cookie-lifetime',
    summary: "an audience or advertising tracker's cookie lives longer than 13 months",
    check({ config }) {
      if (!config) return [];
      const { lifetime } = preferencesWords(config, 'en');
      return config.trackers.flatMap((tracker, i) =>
        !isAudience(tracker) && !isAdvertising(tracker)
          ? []
          : tracker.cookies
              .filter((cookie) => lifetimeDays(cookie.lifetime) > THIRTEEN_MONTHS_DAYS)
              .map((cookie) => {
                // The vendor's setting, from the config's cookie or else the catalog's (docs/contract.md §2).
                const setting =
                  cookie.lifetimeSetting ?? catalog[tracker.id]?.cookies.find((known) => known.name === cookie.name)?.lifetimeSetting;
                return {
                  rule: 'audience-cookie-lifetime',
                  path: `trackers[${i}]`,
                  message:
                    `${tracker.id}: cookie ${cookie.name} lives ${lifetime(cookie.lifetime)}; ` +
                    (isAudience(tracker)
                      ? 'CNIL allows audience trackers 13 months at most (délibération 2020-091, art. 5).'
                      : 'CNIL recommends 13 months at most for an advertising tracker too (délibération 2020-091).'),
                  advice: setting
                    ? `Shorten it: ${setting.replace(/[^.]$/, '$&.')} Then declare the shorter lifetime of ${cookie.name} in the config's ${tracker.id} entry (e.g. "lifetime": "13mo").`
                    : `Shorten ${cookie.name}'s lifetime to 13 months in ${tracker.name}'s settings, then declare the real lifetime in the config.`,
                };
              }),
      );
    },
  },
  {
    id: 'cookie-not-vendor-documented',
    summary: "a tracker's cookie rests on no vendor page, only on other public pages (basis \"other\")",
    check({ config }) {
      if (!config) return [];
      const { lifetime } = preferencesWords(config, 'en');
      return config.trackers.flatMap((tracker, i) =>
        tracker.cookies
          .filter((cookie) => cookie.basis === 'other')
          .map((cookie) => ({
            rule: 'cookie-not-vendor-documented',
            path: `trackers[${i}]`,
            message:
              `${tracker.id}: no page of ${tracker.provider} documents cookie ${cookie.name}; its name and lifetime ` +
              `(${lifetime(cookie.lifetime)}) ` +
              (tracker.otherSources?.length
                ? "come from other public pages only (a copy of the vendor's table, a cookie database, an observation)."
                : 'come from no public page the entry names.'),
            advice:
              `Check what ${tracker.name} really sets on your site (the browser's storage panel lists a page's cookies) and ` +
              `declare it in the config's ${tracker.id} entry` +
              (tracker.otherSources?.length ? `; the pages the catalog relies on: temoin catalog --search ${tracker.id} --json (otherSources).` : '.'),
          })),
      );
    },
  },
  {
    id: 'functional-not-exempt',
    summary: 'a catalog tracker that needs consent is moved to the functional category',
    check({ config }) {
      if (!config) return [];
      return config.trackers.flatMap((tracker, i) => {
        const known = catalog[tracker.id];
        if (tracker.category !== 'functional' || !known || known.category === 'functional') return [];
        return [
          {
            rule: 'functional-not-exempt',
            path: `trackers[${i}].category`,
            message:
              `${tracker.id} is in the catalog's "${known.category}" category, but the config places it in "functional", ` +
              'which runs without consent.',
            advice:
              'Only trackers strictly necessary to a service the visitor asks for are exempt from consent ' +
              `(ePrivacy directive art. 5(3), CNIL délibération 2020-091 art. 5). Remove the "category" override of ${tracker.id}.`,
          },
        ];
      });
    },
  },
  {
    id: 'privacy-policy-url',
    summary: 'tenant.privacyPolicyUrl is missing',
    check({ input }) {
      const tenant = field(input, 'tenant');
      if (tenant === undefined || field(tenant, 'privacyPolicyUrl') !== undefined) return [];
      return [
        {
          rule: 'privacy-policy-url',
          path: 'tenant.privacyPolicyUrl',
          message: 'missing: the banner cannot link to the privacy policy.',
          advice:
            'Visitors must be able to read who uses trackers and why before they choose (GDPR art. 13, CNIL recommandation ' +
            '2020-092). Set tenant.privacyPolicyUrl to the https: address of the policy.',
        },
      ];
    },
  },
  {
    id: 'consent-age',
    summary: 'tenant.consentMaxAgeMonths is outside 6 to 12 months (also a validation error)',
    check({ input }) {
      const months = field(field(input, 'tenant'), 'consentMaxAgeMonths');
      if (months === undefined || (Number.isInteger(months) && (months as number) >= 6 && (months as number) <= 12)) return [];
      return [
        {
          rule: 'consent-age',
          path: 'tenant.consentMaxAgeMonths',
          message: `${JSON.stringify(months)}: a choice must be kept from 6 to 12 months, a refusal as long as an acceptance.`,
          advice:
            'CNIL asks that a refusal be kept as long as an acceptance and advises 6 months before asking again ' +
            '(recommandation 2020-092); temoin keeps a choice 6 to 12 whole months. Default: 6.',
        },
      ];
    },
  },
  {
    id: 'excluded-paths',
    summary: 'audience trackers and no excludedPaths (a hint: health pages may need them)',
    hint: true,
    check({ config }) {
      const audience = config?.excludedPaths.length ? [] : (config?.trackers.filter(isAudience) ?? []);
      if (!audience.length) return [];
      return [
        {
          rule: 'excluded-paths',
          path: 'excludedPaths',
          message:
            `none, so once accepted ${audience.map((t) => t.id).join(', ')} also run on pages whose mere visit can reveal ` +
            'health data (a member area, a health questionnaire, a teleconsultation).',
          advice:
            'Health data is a special category (GDPR art. 9): list such pages in excludedPaths ("/espace-adherent/*"), where only ' +
            'functional trackers run, whatever the choice. A site without such pages can ignore this hint.',
        },
      ];
    },
  },
  {
    id: 'exempt-conditions',
    summary: 'a tracker runs exempt from consent (a hint: its conditions are the site\'s to meet, temoin cannot check them)',
    hint: true,
    check({ config }) {
      return (config?.trackers ?? []).flatMap((tracker, i) => {
        if (!tracker.exempt) return [];
        // The vendor's conditions, from the config's own entry or else the catalog's (docs/contract.md §17).
        const { conditions, url } = { ...catalog[tracker.id]?.exemption, ...tracker.exemption };
        const quoted = conditions?.en ?? conditions?.fr;
        return [
          {
            rule: 'exempt-conditions',
            path: `trackers[${i}].exempt`,
            message:
              `${tracker.id} runs without consent, before any choice and after a refusal: temoin cannot check that ` +
              `${tracker.name} is set up as its exempt configuration requires, on its servers and in its settings.`,
            advice:
              `${quoted ? `${tracker.name}'s conditions (${url}): ${quoted.replace(/\.?$/, '.')} ` : `See ${url}. `}` +
              'The CNIL\'s own (délibération 2020-091, art. 5): IP addresses anonymised, no user id, no linking with other ' +
              'processing nor across sites, anonymous statistics for this site alone, cookies kept 13 months at most and never ' +
              'extended by a later visit. Otherwise, remove "exempt": the tracker then waits for consent.',
          },
        ];
      });
    },
  },
];

/** A line of lint's report: a rule's warning, or a validation issue (an error), possibly both at once. */
export interface Finding {
  level: 'hint' | 'warning' | 'error';
  path: string;
  message: string;
  rule?: string;
  advice?: string;
}

/**
 * Lints a parsed config. An invalid config is still linted as far as its JSON allows (rules reading
 * the raw input run, the others need the resolved config), and its validation issues are errors.
 * A rule's warning on a field that validation rejects becomes that field's error, since it says
 * more than the bare issue.
 */
export function lint(input: unknown): { valid: boolean; findings: Finding[] } {
  const checked = check(input);
  const issues = checked.ok ? [] : checked.issues;
  const warnings = RULES.flatMap((rule) =>
    rule.check({ input, config: checked.ok ? checked.config : undefined }).map((w) => ({ ...w, hint: rule.hint })),
  );
  const findings: Finding[] = [
    ...warnings.map(({ hint, ...w }) => ({
      ...w,
      level: issues.some((i) => i.path === w.path) ? ('error' as const) : hint ? ('hint' as const) : ('warning' as const),
    })),
    ...issues.filter((i) => !warnings.some((w) => w.path === i.path)).map((i) => ({ level: 'error' as const, ...i })),
  ];
  return { valid: checked.ok, findings };
}
