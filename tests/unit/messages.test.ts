import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/config/messages';
import * as rules from '../../src/config/rules';

/** The rules a config may break, by number (`rules.ts`): what a problem names, `MESSAGES` saying it. */
const numbered = Object.entries(rules).filter(([name]) => name.endsWith('_RULE')) as [string, number][];

describe('the rules a config may break', () => {
  it('each have a number of their own', () => {
    const numbers = numbered.map(([, number]) => number);
    for (const number of numbers) expect(Number.isInteger(number)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('each have a message, but an unknown catalog id, which the caller words, and no message is left over', () => {
    const said = numbered.filter(([name]) => name !== 'UNKNOWN_ID_RULE').map(([, number]) => String(number));
    expect(Object.keys(MESSAGES).sort()).toEqual(said.sort());
    for (const message of Object.values(MESSAGES)) expect(typeof message === 'string' ? message : message('x', 'y')).toMatch(/\S/);
  });
});
