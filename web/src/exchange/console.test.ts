import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { keyCounts, olderPath, outboxPath, parseJsonObject, registryFieldMessages, trafficFiltersOf, trafficPath } from './console';
import type { MemberKey } from './types';

let serial = 0;
const key = (memberId: string, status: MemberKey['status']): MemberKey => ({
  kid: `${memberId}-${status}-${(serial += 1)}`,
  memberId,
  jwk: { kty: 'OKP', crv: 'Ed25519', x: 'x' },
  status,
  createdAt: '2026-03-01T00:00:00.000Z',
  retiredAt: null,
  revokedAt: null,
  revocationReason: null,
});

describe('the exchange console', () => {
  it('counts each member’s keys, and the active ones among them', () => {
    const counts = keyCounts([key('m1', 'active'), key('m1', 'revoked'), key('m1', 'retired'), key('m2', 'active')]);
    expect(counts.get('m1')).toEqual({ active: 1, total: 3 });
    expect(counts.get('m2')).toEqual({ active: 1, total: 1 });
    expect(counts.get('m3')).toBeUndefined();
  });

  it('reads a pasted JWK or schema as a JSON object, and says what is wrong otherwise', () => {
    expect(parseJsonObject('{"kty": "OKP"}')).toEqual({ ok: true, value: { kty: 'OKP' } });
    expect(parseJsonObject('{"kty": OKP}')).toEqual({ ok: false, problem: 'notJson' });
    expect(parseJsonObject('[1, 2]')).toEqual({ ok: false, problem: 'notObject' });
    expect(parseJsonObject('null')).toEqual({ ok: false, problem: 'notObject' });
  });

  it('keeps only the traffic filters that are set, from the address bar to the API', () => {
    const filters = trafficFiltersOf(new URLSearchParams('peer=KD/EXT/PORT&status=%20bad_signature%20&direction=sideways&other=1'));
    expect(filters).toEqual({ peer: 'KD/EXT/PORT', service: '', status: 'bad_signature', direction: '' });
    expect(trafficPath(filters, 50)).toBe('/api/exchange/traffic?peer=KD%2FEXT%2FPORT&status=bad_signature&limit=50');
    expect(outboxPath('', 20)).toBe('/api/exchange/outbox?limit=20');
    expect(outboxPath('dead', 20)).toBe('/api/exchange/outbox?limit=20&status=dead');
  });

  it('asks for the next page before the last row seen', () => {
    expect(olderPath('/api/exchange/outbox?limit=20', '0193f0c2-7d1e-7000-8000-000000000001')).toBe('/api/exchange/outbox?limit=20&before=0193f0c2-7d1e-7000-8000-000000000001');
    expect(olderPath('/api/exchange/traffic', 41)).toBe('/api/exchange/traffic?before=41');
  });

  it('places the registry’s refusals next to their field, whether named by schema path or by JSON pointer', () => {
    const schema = new ApiError(400, 'invalid_service_schema', 'Bad schema at /requestSchema/properties/x/type', 'en', {
      fields: [{ path: '/requestSchema/properties/x/type', message: 'Bad schema at /requestSchema/properties/x/type' }],
    });
    expect(registryFieldMessages(schema).get('requestSchema')).toEqual({ text: 'Bad schema at /requestSchema/properties/x/type', language: 'en' });
    const validation = new ApiError(400, 'validation_failed', 'names.fr is required', 'fr', { fields: [{ path: 'body.names.fr', message: 'obligatoire' }] });
    expect(registryFieldMessages(validation).get('names.fr')).toEqual({ text: 'obligatoire', language: 'fr' });
    expect(registryFieldMessages(new Error('network')).size).toBe(0);
  });
});
