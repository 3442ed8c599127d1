// @vitest-environment node
import { describe, expect, it } from 'vitest';

/** Server-side rendering imports the page's modules in Node, where there is no DOM (docs/contract.md §13). */
describe('an app rendered on the server', () => {
  it('imports temoin and temoin/schema without a DOM', async () => {
    expect(typeof document).toBe('undefined');
    await expect(import('../../src/index')).resolves.toHaveProperty('init');
    await expect(import('../../src/schema')).resolves.toHaveProperty('configSchema');
  });

  it('is told by init() that it needs a browser page, and why', async () => {
    const { init } = await import('../../src/index');
    expect(() => init({ tenant: { id: 'ssr', name: 'SSR' }, trackers: [] })).toThrow(/needs a browser page.*no document/);
  });
});
