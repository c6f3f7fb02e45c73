import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldMessages } from './fieldMessages';

function refusal(code: string, message: string, details?: unknown): ApiError {
  return new ApiError(400, code, message, 'fr', details);
}

describe('placing the server’s messages next to their fields', () => {
  it('names each field as the form knows it, without the request part', () => {
    const error = refusal('validation_failed', 'La requête est invalide', {
      fields: [
        { path: 'body.email', keyword: 'format', message: '« body.email » doit être au format email' },
        { path: 'body.grants[0].agencyId', keyword: 'format', message: 'agence invalide' },
        { path: 'body.email', keyword: 'minLength', message: 'trop court' },
      ],
    });
    const messages = fieldMessages(error, 'body');
    expect(messages.get('email')).toEqual({ text: '« body.email » doit être au format email', language: 'fr' });
    expect(messages.get('grants[0].agencyId')?.text).toBe('agence invalide');
    expect(messages.size).toBe(2);
  });

  it('ignores fields of another part of the request, and details it does not recognise', () => {
    expect(fieldMessages(refusal('validation_failed', 'x', { fields: [{ path: 'querystring.from', message: 'm' }] }), 'body').size).toBe(0);
    expect(fieldMessages(refusal('validation_failed', 'x', { fields: 'nonsense' }), 'body').size).toBe(0);
    expect(fieldMessages(new Error('boom'), 'body').size).toBe(0);
  });

  it('places a refusal about one field by its code', () => {
    const messages = fieldMessages(refusal('email_taken', 'Un compte existe déjà'), 'body', { email_taken: 'email' });
    expect(messages.get('email')?.text).toBe('Un compte existe déjà');
  });
});
