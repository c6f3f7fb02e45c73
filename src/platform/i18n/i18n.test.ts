import { describe, expect, it } from 'vitest';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { negotiateLocale, translate } from './i18n.ts';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('server message catalogues', () => {
  it('have the same keys in French, Arabic and English', () => {
    expect(keys(ar).sort()).toEqual(keys(fr).sort());
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('interpolate parameters in each language', () => {
    expect(translate('fr', 'errors.account_locked', { seconds: 30 })).toContain('30 secondes');
    expect(translate('ar', 'errors.account_locked', { seconds: 30 })).toContain('30 ثانية');
    expect(translate('en', 'errors.account_locked', { seconds: 30 })).toContain('30 seconds');
  });

  it('picks the best supported language from Accept-Language', () => {
    expect(negotiateLocale('ar-DZ,ar;q=0.9,fr;q=0.8', 'fr')).toBe('ar');
    expect(negotiateLocale('de-DE,en;q=0.5,fr;q=0.7', 'fr')).toBe('fr');
    expect(negotiateLocale('de, en;q=0.1', 'fr')).toBe('en');
    expect(negotiateLocale('zh', 'fr')).toBe('fr');
    expect(negotiateLocale(undefined, 'ar')).toBe('ar');
  });
});
