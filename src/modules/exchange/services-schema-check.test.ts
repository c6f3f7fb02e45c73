import { describe, expect, it } from 'vitest';
import { checkServiceSchema } from './services-schema-check.ts';

describe('a service schema', () => {
  it('is accepted when it is a JSON Schema 2020-12', () => {
    expect(checkServiceSchema({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } }, required: ['n'] }, '/requestSchema')).toEqual({ ok: true });
  });

  it('is refused at the keyword the meta-schema rejects', () => {
    expect(checkServiceSchema({ type: 'object', properties: { n: { minimum: 'one' } } }, '/responseSchema')).toMatchObject({ ok: false, path: '/responseSchema/properties/n/minimum' });
  });

  it('is refused when a keyword is misspelt, rather than checking nothing', () => {
    expect(checkServiceSchema({ type: 'string', patern: '^[A-Z]+$' }, '/requestSchema')).toMatchObject({ ok: false, path: '/requestSchema', reason: expect.stringContaining('patern') });
  });

  it('is refused when it is not an object', () => {
    expect(checkServiceSchema([], '/requestSchema')).toMatchObject({ ok: false, path: '/requestSchema' });
  });
});
