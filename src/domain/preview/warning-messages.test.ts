import { describe, expect, it } from 'vitest';
import { CACHE_REFRESH_JA, localisedProfile, NETWORK_PROFILES } from './networks';
import { FALLBACK_REASONS, MESSAGE_LANGS, UNIT_NAMES, WARNING_MESSAGES, warningMessage } from './warning-messages';
import { WARNING_CODES } from './warnings';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('warning messages', () => {
  it('every code has a message in every UI language, with the same placeholders', () => {
    expect(Object.keys(WARNING_MESSAGES).sort()).toEqual([...WARNING_CODES].sort());
    for (const code of WARNING_CODES) {
      for (const lang of MESSAGE_LANGS) expect(WARNING_MESSAGES[code][lang].length, `${code} ${lang}`).toBeGreaterThan(10);
      expect(WARNING_MESSAGES[code].ja, code).toMatch(JAPANESE);
      expect(placeholders(WARNING_MESSAGES[code].ja), code).toEqual(placeholders(WARNING_MESSAGES[code].en));
    }
  });

  it('units and photo failure reasons are worded in both languages', () => {
    for (const names of [...Object.values(UNIT_NAMES), ...Object.values(FALLBACK_REASONS)]) {
      for (const lang of MESSAGE_LANGS) expect(names[lang].length).toBeGreaterThan(0);
      expect(names.ja).not.toBe(names.en);
    }
  });

  it('fills the placeholders, joining lists the way each language does', () => {
    const cuts = [{ network: 'Discord', limit: 67, unit: 'utf8-bytes' as const }, { network: 'LINE', limit: 2, unit: 'lines' as const }];
    expect(warningMessage('title-truncated', { cuts })).toBe('The title is cut on Discord (67 UTF-8 bytes), LINE (2 lines).');
    expect(warningMessage('title-truncated', { cuts }, 'ja')).toBe('タイトルが途中で切れます：Discord (67 UTF-8バイト)、LINE (2 行)。');
    expect(warningMessage('card-fallback', { reason: 'http-410' }, 'ja')).toContain('HTTP 410');
    expect(warningMessage('card-fallback', { reason: 'something-new' })).toContain('something-new');
  });
});

describe('profile prose in Japanese', () => {
  it('every network says how its cache refreshes in Japanese, figures and sources unchanged', () => {
    for (const p of NETWORK_PROFILES) {
      expect(CACHE_REFRESH_JA[p.id], p.id).toMatch(JAPANESE);
      const ja = localisedProfile(p, 'ja');
      expect(ja.cache.refresh.value).toBe(CACHE_REFRESH_JA[p.id]);
      expect({ ...ja.cache.refresh, value: '' }).toEqual({ ...p.cache.refresh, value: '' });
      expect(localisedProfile(p, 'en')).toBe(p);
    }
  });
});
