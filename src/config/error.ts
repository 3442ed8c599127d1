/** One problem of a config, at a path such as `tenant.consentMaxAgeMonths` or `trackers[2].cookies[0].name`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** Thrown by `init()` for an invalid config; `issues` lists every problem, each with its path. */
export class TemoinConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    super(`temoin: invalid config\n${issues.map((i) => `  - ${i.path || '(config)'}: ${i.message}`).join('\n')}`);
    this.name = 'TemoinConfigError';
    this.issues = issues;
  }
}
