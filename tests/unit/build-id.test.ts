// @vitest-environment node
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildId } from '../../scripts/build/build-id';

/**
 * `__TEMOIN_BUILD__` keys the validated configs the script tag keeps on a device (src/config/cache.ts):
 * a change that could validate a config differently must change it; any other change must keep
 * every returning visitor's cached config.
 */
let root: string;
let before: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'temoin-build-id-'));
  for (const path of ['src', 'catalog', 'package.json']) cpSync(path, join(root, path), { recursive: true });
  before = buildId(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The build id with `file` changed by `edit`, then restored. */
function idWith(file: string, edit: (path: string) => void = (path) => appendFileSync(path, '\n// changed\n')): string {
  const path = join(root, file);
  const original = readFileSync(path);
  try {
    edit(path);
    return buildId(root);
  } finally {
    writeFileSync(path, original);
  }
}

describe('the build id', () => {
  it('is the same for the same files', () => {
    expect(buildId(root)).toBe(before);
    expect(before).toMatch(/^[\da-f]{8}$/);
  });

  it.each([
    ['a catalog entry', 'catalog/matomo.json'],
    ['a rule of the validator', 'src/config/rules.ts'],
    ['the checks', 'src/config/checks.ts'],
    ['the resolution against the catalog', 'src/config/resolution.ts'],
    ['the fingerprint', 'src/config/fingerprint.ts'],
    ['the runtime form of a catalog entry', 'src/config/runtime-entry.ts'],
    ['the script tag’s loading of entries', 'src/config/load.ts'],
    ['the cache’s entry', 'src/config/cache.ts'],
    ['the launcher’s look', 'src/launcher-look.ts'],
    ['the launcher’s text', 'src/locales/manage-cookies.ts'],
    ['the integration files a config needs', 'src/embed-ui.ts'],
  ])('changes with %s (%s)', (_what, file) => {
    expect(idWith(file)).not.toBe(before);
  });

  it('changes with the version and with a new catalog entry', () => {
    expect(idWith('package.json', (path) => writeFileSync(path, JSON.stringify({ version: '9.9.9' })))).not.toBe(before);
    const added = join(root, 'catalog/new-tracker.json');
    writeFileSync(added, '{}');
    try {
      expect(buildId(root)).not.toBe(before);
    } finally {
      rmSync(added);
    }
  });

  it.each([
    ['a preferences component', 'src/ui/preferences/switch.tsx'],
    ['the banner', 'src/ui/banner.ts'],
    ['the UI’s styles', 'src/ui/styles.ts'],
    ['the banner’s texts', 'src/locales/fr.ts'],
    ['the preferences’ texts', 'src/locales/fr-preferences.ts'],
    ['the running instance', 'src/instance.ts'],
    ['the launcher button', 'src/launcher.ts'],
    ['the config types', 'src/config/types.ts'],
    ['the zod schemas', 'src/config/schema.ts'],
    ['the did-you-mean hints', 'src/config/suggest.ts'],
    ['the messages of an invalid config', 'src/config/messages.ts'],
    ['what the script tag loads for an invalid config', 'src/config/errors-script-tag.ts'],
    ['init()’s validation, messages bundled', 'src/config/resolve.ts'],
    ['the CLI', 'src/cli/validate.ts'],
    ['the server', 'src/server/handler.ts'],
  ])('stays with %s (%s)', (_what, file) => {
    expect(idWith(file)).toBe(before);
  });
});
