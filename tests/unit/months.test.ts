import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/consent/months';

const at = (iso: string) => new Date(iso);
const plus = (iso: string, months: number) => addMonths(at(iso), months).toISOString();

describe('a choice kept a number of calendar months', () => {
  it('lasts 6 months from a mid-month date to the same day and time', () => {
    expect(plus('2026-03-15T10:20:30.000Z', 6)).toBe('2026-09-15T10:20:30.000Z');
  });

  it('lasts 12 months from a mid-month date to the same day of the next year', () => {
    expect(plus('2026-03-15T10:20:30.000Z', 12)).toBe('2027-03-15T10:20:30.000Z');
  });

  it('crosses the year end', () => {
    expect(plus('2026-09-10T00:00:00.000Z', 6)).toBe('2027-03-10T00:00:00.000Z');
  });

  it('made on 31 August ends on 28 February of a common year', () => {
    expect(plus('2026-08-31T12:00:00.000Z', 6)).toBe('2027-02-28T12:00:00.000Z');
  });

  it('made on 31 August ends on 29 February of a leap year', () => {
    expect(plus('2027-08-31T12:00:00.000Z', 6)).toBe('2028-02-29T12:00:00.000Z');
  });

  it('made on 31 January for one month ends on 28 February of a common year', () => {
    expect(plus('2027-01-31T08:00:00.000Z', 1)).toBe('2027-02-28T08:00:00.000Z');
  });

  it('made on 31 January for one month ends on 29 February of a leap year', () => {
    expect(plus('2028-01-31T08:00:00.000Z', 1)).toBe('2028-02-29T08:00:00.000Z');
  });

  it('made on 29 February for 12 months ends on 28 February of the next, common, year', () => {
    expect(plus('2028-02-29T08:00:00.000Z', 12)).toBe('2029-02-28T08:00:00.000Z');
  });

  it('made on 30 June for 6 months ends on 30 December, not on 31', () => {
    expect(plus('2026-06-30T17:45:00.000Z', 6)).toBe('2026-12-30T17:45:00.000Z');
  });

  it('made on 31 March for 6 months ends on 30 September, without spilling into October', () => {
    expect(plus('2026-03-31T09:00:00.000Z', 6)).toBe('2026-09-30T09:00:00.000Z');
  });

  it('keeps the time of day to the millisecond, including just before midnight UTC', () => {
    expect(plus('2026-08-31T23:59:59.999Z', 6)).toBe('2027-02-28T23:59:59.999Z');
    expect(plus('2026-05-01T00:00:00.001Z', 7)).toBe('2026-12-01T00:00:00.001Z');
  });

  it('leaves the date it was given unchanged', () => {
    const from = at('2026-08-31T12:00:00.000Z');
    addMonths(from, 6);
    expect(from.toISOString()).toBe('2026-08-31T12:00:00.000Z');
  });

  it('for each of 6 to 12 months ends later than the one before', () => {
    const ends = [6, 7, 8, 9, 10, 11, 12].map((months) => addMonths(at('2026-01-31T00:00:00.000Z'), months).getTime());
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeGreaterThan(ends[i - 1]);
  });
});
