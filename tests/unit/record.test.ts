import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse';
import type { ResolvedConfig } from '../../src/config/types';
import { addMonths } from '../../src/consent/months';
import { type ConsentRecord, createRecord, decodeRecord, encodeRecord, newConsentId, optionalTrackerIds } from '../../src/consent/record';

function configOf(tenant: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): ResolvedConfig {
  return parseConfig({
    tenant: { id: 'vivoptim', name: 'Vivoptim', ...tenant },
    trackers: ['matomo', 'zendesk', 'google-analytics', 'lisio'],
    ...overrides,
  });
}

const config = configOf();
const NOW = Date.parse('2026-08-31T14:30:15.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const decisions = { matomo: true, zendesk: false, 'google-analytics': true };

/** A choice made at NOW, encoded. */
function stored(overrides: Partial<ConsentRecord> = {}, forConfig = config): { record: ConsentRecord; value: string } {
  const record = { ...createRecord(forConfig, decisions, new Date(NOW)), ...overrides };
  return { record, value: encodeRecord(record) };
}

describe('a visitor making a choice', () => {
  it('gets a record of the tenant, the revision, the decision time and the decisions', () => {
    const { record } = stored();
    expect(record).toMatchObject({ tenant: 'vivoptim', revision: 1, decidedAt: NOW, decisions });
  });

  it('gets a record expiring exactly 6 calendar months later with the default tenant setting', () => {
    expect(new Date(stored().record.expiresAt).toISOString()).toBe('2027-02-28T14:30:15.000Z');
  });

  it('gets a record expiring exactly 12 calendar months later when the tenant keeps choices 12 months', () => {
    const record = createRecord(configOf({ consentMaxAgeMonths: 12 }), decisions, new Date(NOW));
    expect(new Date(record.expiresAt).toISOString()).toBe('2027-08-31T14:30:15.000Z');
  });

  it('gets a record carrying the fingerprint of the config, written in the cookie value (format 2)', () => {
    const { record, value } = stored();
    expect(record.configFingerprint).toBe(config.fingerprint);
    expect(value.startsWith(`2.${config.fingerprint}.vivoptim.`)).toBe(true);
    expect(decodeRecord(value, config, NOW)?.configFingerprint).toBe(config.fingerprint);
  });

  it('gets back the fingerprint it was given under after the config changed, since only a revision asks again', () => {
    const { value } = stored();
    const changed = configOf({ name: 'Vivoptim Santé' });
    expect(changed.fingerprint).not.toBe(config.fingerprint);
    expect(decodeRecord(value, changed, NOW)?.configFingerprint).toBe(config.fingerprint);
  });

  it('gets the decision time to the second', () => {
    const record = createRecord(config, decisions, new Date(NOW + 999));
    expect(record.decidedAt).toBe(NOW);
  });
});

describe('a returning visitor whose choice is read back', () => {
  it('gets back exactly the record that was stored', () => {
    const { record, value } = stored();
    expect(decodeRecord(value, config, NOW + DAY)).toEqual(record);
  });

  it('gets back a refusal as a refusal and an acceptance as an acceptance', () => {
    const refused = { matomo: false, zendesk: false, 'google-analytics': false };
    const accepted = { matomo: true, zendesk: true, 'google-analytics': true };
    for (const chosen of [refused, accepted]) {
      const value = encodeRecord(createRecord(config, chosen, new Date(NOW)));
      expect(decodeRecord(value, config, NOW)?.decisions).toEqual(chosen);
    }
  });

  it('gets it back until the last second before its expiry', () => {
    const { record, value } = stored();
    expect(decodeRecord(value, config, record.expiresAt - 1)).not.toBeNull();
  });

  it('needs no decision for a functional tracker', () => {
    expect(optionalTrackerIds(config)).not.toContain('lisio');
    const { value } = stored();
    expect(value).not.toContain('lisio');
    expect(decodeRecord(value, config, NOW)).not.toBeNull();
  });

  it('keeps only the decisions of the trackers the config still lists', () => {
    const { value } = stored();
    const fewer = configOf({}, { trackers: ['matomo', 'lisio'] });
    expect(decodeRecord(value, fewer, NOW)?.decisions).toEqual({ matomo: true });
  });

  it('no longer gets back a 12-month choice once the tenant keeps choices 6 months', () => {
    const { value } = stored({}, configOf({ consentMaxAgeMonths: 12 }));
    expect(decodeRecord(value, configOf({ consentMaxAgeMonths: 12 }), NOW)).not.toBeNull();
    expect(decodeRecord(value, configOf({ consentMaxAgeMonths: 6 }), NOW)).toBeNull();
  });
});

describe('a choice stored before temoin recorded the config fingerprint (format 1)', () => {
  // Written by temoin 0.1 at NOW for `config`: matomo and google-analytics granted, zendesk refused.
  const v1 = '1.vivoptim.1.tkn1mf.tty8af.BhmdBATopm9LSVA31GBuWw.matomo:1~zendesk:0~google-analytics:1';

  it('stays a valid choice after the upgrade, with its decisions and no fingerprint', () => {
    const record = decodeRecord(v1, config, NOW + DAY);
    expect(record).toMatchObject({ tenant: 'vivoptim', revision: 1, decidedAt: NOW, id: 'BhmdBATopm9LSVA31GBuWw', decisions });
    expect(new Date(record!.expiresAt).toISOString()).toBe('2027-02-28T14:30:15.000Z');
    expect(record!.configFingerprint).toBeUndefined();
  });

  it('still counts as no choice where a format 2 value would: another tenant, a newer revision, past its expiry', () => {
    expect(decodeRecord(v1, configOf({ id: 'mutuelle' }), NOW)).toBeNull();
    expect(decodeRecord(v1, configOf({}, { revision: 2 }), NOW)).toBeNull();
    expect(decodeRecord(v1, config, Date.parse('2027-02-28T14:30:15.000Z'))).toBeNull();
  });
});

describe('a stored value that must count as no choice yet', () => {
  it('is one of another tenant', () => {
    const { value } = stored();
    expect(decodeRecord(value, configOf({ id: 'mutuelle' }), NOW)).toBeNull();
  });

  it('is one of an older revision', () => {
    const { value } = stored();
    expect(decodeRecord(value, configOf({}, { revision: 2 }), NOW)).toBeNull();
  });

  it('is one of a newer revision', () => {
    const newer = configOf({}, { revision: 3 });
    const { value } = stored({}, newer);
    expect(decodeRecord(value, newer, NOW)).not.toBeNull();
    expect(decodeRecord(value, configOf({}, { revision: 2 }), NOW)).toBeNull();
  });

  it('is one past its expiry', () => {
    const { record, value } = stored();
    expect(decodeRecord(value, config, record.expiresAt)).toBeNull();
    expect(decodeRecord(value, config, record.expiresAt + DAY)).toBeNull();
  });

  it("is one whose expiry lies beyond the tenant's consentMaxAgeMonths after the decision", () => {
    const { value } = stored({ expiresAt: addMonths(new Date(NOW), 6).getTime() + 1000 });
    expect(decodeRecord(value, config, NOW)).toBeNull();
  });

  it('is one whose expiry lies beyond 12 months, whatever the tenant', () => {
    const twelve = configOf({ consentMaxAgeMonths: 12 });
    const { value } = stored({ expiresAt: addMonths(new Date(NOW), 24).getTime() }, twelve);
    expect(decodeRecord(value, twelve, NOW)).toBeNull();
  });

  it('is one expiring before it was decided', () => {
    // Read 1.5 s before the decision (within any clock tolerance) and before the expiry: only the order is wrong.
    const { value } = stored({ decidedAt: NOW, expiresAt: NOW - 1000 });
    expect(decodeRecord(value, config, NOW - 1500)).toBeNull();
  });

  it('is one decided in the future', () => {
    const later = NOW + DAY;
    const { value } = stored({ decidedAt: later, expiresAt: addMonths(new Date(later), 6).getTime() });
    expect(decodeRecord(value, config, later)).not.toBeNull();
    expect(decodeRecord(value, config, NOW)).toBeNull();
    expect(decodeRecord(value, config, later - HOUR)).toBeNull();
  });

  it("is one silent about one of the config's optional trackers", () => {
    const { value } = stored({ decisions: { matomo: true, 'google-analytics': true } });
    expect(decodeRecord(value, config, NOW)).toBeNull();
  });

  it('is one for a config that added a tracker since', () => {
    const { value } = stored();
    expect(decodeRecord(value, configOf({}, { trackers: ['matomo', 'zendesk', 'google-analytics', 'facebook-pixel'] }), NOW)).toBeNull();
  });

  it('is one deciding twice for the same tracker', () => {
    const { value } = stored({ decisions: { matomo: false, zendesk: false, 'google-analytics': false } });
    expect(decodeRecord(value, config, NOW)).not.toBeNull();
    expect(decodeRecord(`${value}~matomo:1`, config, NOW)).toBeNull();
    expect(decodeRecord(value.replace('matomo:0', 'matomo:0~matomo:1'), config, NOW)).toBeNull();
  });

  it('is one of an unknown format version', () => {
    const { value } = stored();
    expect(decodeRecord(value, config, NOW)).not.toBeNull();
    const rest = value.slice(value.indexOf('.', 2));
    for (const version of ['0', '3', '9', '10', 'v2', '02', '2.', '3.0123456789abcdef']) {
      expect(decodeRecord(`${version}${rest}`, config, NOW), version).toBeNull();
    }
  });

  it('is one whose format does not match its fields: a fingerprint in format 1, none in format 2', () => {
    const { record, value } = stored();
    expect(decodeRecord(value.replace(/^2\./, '1.'), config, NOW)).toBeNull();
    expect(decodeRecord(value.replace(`.${record.configFingerprint}`, ''), config, NOW)).toBeNull();
  });

  it('is one with a fingerprint of the wrong length or alphabet', () => {
    const { record, value } = stored();
    const fingerprint = record.configFingerprint!;
    for (const other of [fingerprint.slice(1), `${fingerprint}0`, fingerprint.toUpperCase().replace(/^./, 'A'), `${fingerprint.slice(1)}g`]) {
      expect(decodeRecord(value.replace(fingerprint, other), config, NOW), other).toBeNull();
    }
  });

  it('is one with a decision that is neither 0 nor 1', () => {
    const { value } = stored();
    expect(decodeRecord(value.replace('matomo:1', 'matomo:2'), config, NOW)).toBeNull();
    expect(decodeRecord(value.replace('matomo:1', 'matomo:true'), config, NOW)).toBeNull();
  });

  it('is one with a consent id of the wrong length', () => {
    const { record, value } = stored();
    expect(decodeRecord(value.replace(record.id, record.id.slice(1)), config, NOW)).toBeNull();
    expect(decodeRecord(value.replace(record.id, `${record.id}A`), config, NOW)).toBeNull();
  });

  it('is one with anything around it', () => {
    const { value } = stored();
    for (const wrapped of [` ${value}`, `${value} `, `${value}.`, `"${value}"`, encodeURIComponent(`${value}~`)]) {
      expect(decodeRecord(wrapped, config, NOW)).toBeNull();
    }
  });

  it.each([
    ['garbage', 'n0t a c0nsent'],
    ['JSON', '{"tenant":"vivoptim","decisions":{"matomo":true}}'],
    ['the literal true', 'true'],
    ['an empty string', ''],
    ['dots only', '1......'],
  ])('is %s', (_what, value) => {
    expect(decodeRecord(value, config, NOW)).toBeNull();
  });

  it('is undefined (no cookie)', () => {
    expect(decodeRecord(undefined, config, NOW)).toBeNull();
  });
});

describe('the stored value itself', () => {
  const catalogDir = resolve(import.meta.dirname, '../../catalog');
  const catalogIds = readdirSync(catalogDir).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
  /** Entries a visitor decides on: every one but the functional ones, which are always on. */
  const consentIds = catalogIds.filter((id) => JSON.parse(readFileSync(resolve(catalogDir, `${id}.json`), 'utf8')).category !== 'functional');
  /** Times written with 9 base-36 digits, the most the format reads (36⁸ seconds, in the year 91366). */
  const NINE_DIGIT_TIMES = { decidedAt: 36 ** 8 * 1000, expiresAt: 36 ** 8 * 1000 };
  const widest = (trackers: string[]) => ({ tenant: { id: 'x'.repeat(40), name: 'X', consentMaxAgeMonths: 12 }, revision: Number.MAX_SAFE_INTEGER, cookieName: 'c'.repeat(64), trackers });

  it('stays under 1 KB for the largest config validation accepts, and validation refuses one more tracker', () => {
    // Trackers needing consent, the longest ids first: the fewest that make the widest cookie.
    const byLength = [...consentIds].sort((a, b) => b.length - a.length);
    let count = 0;
    while (count < byLength.length && (() => { try { return parseConfig(widest(byLength.slice(0, count + 1))), true; } catch { return false; } })()) count++;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThan(byLength.length);
    const full = parseConfig(widest(byLength.slice(0, count)));
    const value = encodeRecord({ ...createRecord(full, Object.fromEntries(optionalTrackerIds(full).map((id) => [id, true])), new Date(NOW)), ...NINE_DIGIT_TIMES });
    expect(`${full.cookieName}=${value}`.length).toBeLessThan(1024);
    expect(() => parseConfig(widest(byLength.slice(0, count + 1)))).toThrow(/trackers: the consent cookie could reach \d+ bytes: list fewer trackers needing consent \(1 KB at most\)/);
  });

  it('is refused for a config listing the whole catalog, which no visitor could be asked about in one cookie', () => {
    expect(() => parseConfig(widest(catalogIds))).toThrow(/the consent cookie could reach/);
    expect(consentIds.length).toBeGreaterThan(60);
  });

  it('holds only cookie-octets, so it is stored as is', () => {
    const { value } = stored();
    expect(value).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
  });

  it('holds the consent id, the tenant and each decision, and no catalog text', () => {
    const { record, value } = stored();
    expect(value).toContain(record.id);
    expect(value).toContain('vivoptim');
    expect(value).not.toMatch(/Matomo|audience|_pk_/);
  });
});

describe('the consent id proving a choice', () => {
  const ids = Array.from({ length: 256 }, () => newConsentId());

  it('is 22 base64url characters', () => {
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('is different on every call', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries at least 96 random bits: each of its first 96 bits takes both values across calls', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const bits = ids.map((id) => [...id].map((c) => alphabet.indexOf(c).toString(2).padStart(6, '0')).join(''));
    for (let bit = 0; bit < 96; bit++) {
      const ones = bits.filter((b) => b[bit] === '1').length;
      expect(ones, `bit ${bit}`).toBeGreaterThan(0);
      expect(ones, `bit ${bit}`).toBeLessThan(ids.length);
    }
  });

  it('is a new one for every choice', () => {
    const a = createRecord(config, decisions, new Date(NOW));
    const b = createRecord(config, decisions, new Date(NOW));
    expect(a.id).not.toBe(b.id);
  });
});
