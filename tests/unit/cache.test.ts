import { afterEach, describe, expect, it } from 'vitest';
import { readValidatedConfig, rememberValidatedConfig, type ValidatedConfig } from '../../src/config/cache';
import { parseConfig } from '../../src/config/parse';

const KEY = 'temoin:config';
const text = JSON.stringify({ tenant: { id: 'vivoptim', name: 'Vivoptim' }, trackers: ['matomo'] });
const validated: ValidatedConfig = {
  config: parseConfig(JSON.parse(text)),
  launcher: { css: 'button{}', label: 'Gestion des cookies', lang: 'fr' },
  integrations: [],
};

// The build id the bundler writes into the module (vite.config.ts `define`), which unit tests run without.
Object.assign(globalThis, { __TEMOIN_BUILD__: 'this-build' });

afterEach(() => localStorage.clear());

describe('the validated-config cache', () => {
  it('gives back the config this build validated for exactly this text', () => {
    rememberValidatedConfig(text, validated);
    expect(readValidatedConfig(text)).toEqual({ ...JSON.parse(JSON.stringify(validated)), build: 'this-build', text });
    expect(readValidatedConfig(`${text} `)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['an object', '{"filter": 1}'],
    ['a string', '"x"'],
    ['an array holding null', '[null]'],
    ['an entry of another build', JSON.stringify([{ build: 'other', text, ...validated }])],
  ])('has nothing when storage holds %s, so the config is validated again', (_what, stored) => {
    localStorage.setItem(KEY, stored);
    expect(readValidatedConfig(text)).toBeUndefined();
    rememberValidatedConfig(text, validated);
    expect(readValidatedConfig(text)?.config).toEqual(JSON.parse(JSON.stringify(validated.config)));
  });
});
