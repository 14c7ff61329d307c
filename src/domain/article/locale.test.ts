import { describe, expect, it } from 'vitest';
import { formatArticleDate, formatArticleDateTime, ogLocale, textDirection, updatedLabel } from './locale';

describe('locale', () => {
  it('maps BCP 47 tags to og:locale', () => {
    expect(['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'pt-BR'].map(ogLocale)).toEqual(['en_US', 'ja_JP', 'ko_KR', 'zh_CN', 'zh_TW', 'pt_BR']);
  });

  it('writes dates and update times as readers of the language do, in the newsroom zone', () => {
    expect(formatArticleDate('2018-06-14T17:15:00+09:00', 'en', 'Asia/Tokyo')).toBe('June 14, 2018');
    expect(formatArticleDate('2018-06-14T17:15:00+09:00', 'ja', 'Asia/Tokyo')).toBe('2018年6月14日');
    // 23:30 UTC on the 13th is already the 14th in Tokyo.
    expect(formatArticleDate('2018-06-13T23:30:00Z', 'en', 'Asia/Tokyo')).toBe('June 14, 2018');
    expect(formatArticleDateTime('2026-03-20T16:05:00+09:00', 'ja', 'Asia/Tokyo')).toBe('2026年3月20日 16:05');
    expect(updatedLabel('ja')).toBe('更新');
    expect(updatedLabel('zh-Hant')).toBe('更新');
    expect(updatedLabel('en')).toBe('updated');
  });

  it('knows right-to-left scripts', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ja')).toBe('ltr');
  });
});
