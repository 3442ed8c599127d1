// A TypeScript consumer of every entry point, compiled under bundler, node16 and nodenext resolution.
import { type Consent, init, type InitOptions, type TemoinConfig, TemoinConfigError, type TemoinInstance, type Tracker } from 'temoin';
import { catalog, googleAnalytics, matomo } from 'temoin/catalog';
import { zendesk } from 'temoin/catalog/fr';
import { youtube } from 'temoin/catalog/en';
import { configSchema, trackerSchema } from 'temoin/schema';
import { type ConsentReceipt, consentHandler, toNodeHandler } from 'temoin/server';

const config: TemoinConfig = {
  tenant: { id: 'mutuelle', name: 'Mutuelle Test', consentMaxAgeMonths: 6 },
  trackers: [matomo, { ...googleAnalytics, category: 'audience' }, zendesk, youtube, 'lisio'],
};
const options: InitOptions = { catalog };
const entries: readonly Tracker[] = catalog;

export function start(): TemoinInstance | undefined {
  try {
    const cmp = init(config, options);
    cmp.on('change', (consent: Consent | null) => console.log(consent?.trackers.matomo, consent?.expiresAt.getTime()));
    return cmp;
  } catch (error) {
    if (error instanceof TemoinConfigError) console.log(error.issues.map((issue) => `${issue.path}: ${issue.message}`));
    return undefined;
  }
}

export const checked = [configSchema, trackerSchema, entries.length];

const handler: (request: Request) => Promise<Response> = consentHandler({
  config: { tenant: { id: 'mutuelle', name: 'Mutuelle Test' }, trackers: ['matomo'] },
  onReceipt: (receipt: ConsentReceipt) => console.log(receipt.id, receipt.decisions),
});
export const listener = toNodeHandler(handler, { trustProxy: true });

// A type that failed to resolve would be `any` and let everything above compile: each must not be.
type IsAny<T> = 0 extends 1 & T ? true : false;
type Resolved<T> = IsAny<T> extends true ? never : true;
export const resolved: Resolved<typeof init | typeof matomo | typeof zendesk | typeof youtube | typeof catalog | TemoinConfig | Consent | typeof configSchema | typeof consentHandler | ConsentReceipt>[] = [true];
