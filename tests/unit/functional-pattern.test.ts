// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { functionalPattern } from '../../scripts/build/define';

/** The build's pattern of the catalog's functional ids, which temoin.js's first banner reads (src/first-visit.ts). */
describe('the pattern of the functional ids', () => {
  it('matches each functional id by its shortest beginning that no other id has', () => {
    const pattern = functionalPattern(['stripe', 'google-fonts'], ['stats', 'google-analytics', 'matomo']);
    expect(String(pattern)).toBe('/^(?:str|google-f)/');
    for (const id of ['stripe', 'google-fonts']) expect(pattern.test(id), id).toBe(true);
    for (const id of ['stats', 'google-analytics', 'matomo']) expect(pattern.test(id), id).toBe(false);
  });

  it('matches a functional id whole where another id begins with all of it', () => {
    const pattern = functionalPattern(['lisio'], ['lisio-analytics']);
    expect(pattern.test('lisio')).toBe(true);
    expect(pattern.test('lisio-analytics')).toBe(false);
  });
});
