import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadFromPdf } from '../../src/modules/documents/pdf-payload.ts';
import { signedIn, tinyPdf } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { approvedFile, download, issued } from './support.ts';

let platform: TestApp;
let genuine: { payload: string; pdf: Buffer };
const anyone = () => new ApiClient(platform.url);

beforeAll(async () => {
  platform = await startTestApp({ VERIFY_REQUESTS_PER_MINUTE: '100000' }, process.env.DATABASE_URL);
  const moussa = await signedIn(platform.url, 'moussa.traore');
  const file = await approvedFile(platform.url, moussa, 'import-licence');
  const { pdf } = await download(moussa, (await issued(moussa, file.id, 'document')).id);
  genuine = { pdf, payload: payloadFromPdf(pdf) ?? '' };
});
afterAll(async () => {
  await platform?.close();
});

async function verdictOf(payload: string) {
  const response = await anyone().request('POST', '/api/verify', { payload });
  expect(response.status).toBe(200);
  return response.body;
}

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('the public verification API on bad input', () => {
  it('verifies the genuine payload, with the whitespace a scanner may add', async () => {
    expect((await verdictOf(genuine.payload)).status).toBe('valid');
    expect((await verdictOf(`  ${genuine.payload}\n`)).status).toBe('valid');
  });

  it('answers 200 forged, malformed, to garbage of every shape', async () => {
    const garbage = ['', ' ', 'hello', 'GK1:', 'GK1:AAAA', 'GK1:!!!', 'HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N', 'gk1:' + genuine.payload.slice(4), '\u0000\uFFFF', 'GK1:' + 'A'.repeat(100_000), 'لا شيء', JSON.stringify({ payload: genuine.payload })];
    for (const payload of garbage) expect(await verdictOf(payload)).toEqual({ status: 'forged', reason: 'malformed', document: null, revokedAt: null, revocationReason: null });
  });

  it('answers 200 forged to every truncation of a genuine payload', async () => {
    for (let length = 0; length < genuine.payload.length; length += 37) {
      expect(await verdictOf(genuine.payload.slice(0, length))).toMatchObject({ status: 'forged', document: null });
    }
  });

  it('answers 200 forged when any one character of a genuine payload is changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: genuine.payload.length - 1 }), fc.constantFrom(...BASE45), async (position, replacement) => {
        fc.pre(genuine.payload[position] !== replacement && !(position === genuine.payload.length - 1 && replacement === ' '));
        const altered = genuine.payload.slice(0, position) + replacement + genuine.payload.slice(position + 1);
        expect((await verdictOf(altered)).status).toBe('forged');
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a body that is not a payload with 400, never 5xx', async () => {
    for (const body of [{}, { payload: 42 }, { payload: null }, { payload: genuine.payload, extra: true }]) {
      const response = await anyone().request('POST', '/api/verify', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
    const notJson = await anyone().request('POST', '/api/verify', '{"payload": "GK1:', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
  });

  it('reads an uploaded PDF: genuine is valid, any other file is forged', async () => {
    const upload = (bytes: Buffer) => anyone().request('POST', '/api/verify/pdf', bytes, { 'content-type': 'application/pdf' });
    expect((await upload(genuine.pdf)).body.status).toBe('valid');
    expect((await upload(tinyPdf('no payload here'))).body).toMatchObject({ status: 'forged', reason: 'no_payload' });
    expect((await upload(Buffer.from('not even a PDF'))).body).toMatchObject({ status: 'forged', reason: 'no_payload' });
    // The PDF edited to carry other text in place of the payload: same length, one character changed.
    const position = genuine.pdf.indexOf(genuine.payload) + 30;
    const edited = Buffer.from(genuine.pdf);
    edited[position] = edited[position] === 0x41 ? 0x42 : 0x41;
    const answer = await upload(edited);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('forged');
  });
});

describe('the verification rate limit', () => {
  it('answers 429 past the budget of one address', async () => {
    const strict = await startTestApp({ VERIFY_REQUESTS_PER_MINUTE: '3' }, process.env.DATABASE_URL);
    try {
      const client = new ApiClient(strict.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.request('POST', '/api/verify', { payload: 'GK1:AAAA' })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});
