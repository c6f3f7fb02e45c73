import type { ApiClient } from './client.ts';

/** A transit declaration as A's customs sends it to a partner (the service's request schema). */
export const transitDeclaration = (number: string, certificateOfOrigin: string) => ({
  declarationNumber: number,
  carrier: { name: 'Transports du Sahel SARL' },
  vehicle: { registration: 'KD-4521-AB', country: 'KD' },
  seals: ['SEAL-000341', 'SEAL-000342'],
  goods: [{ hsCode: '52010000', description: 'Coton fibre, balles pressées', quantity: 27, unit: 't', valueXof: 38_000_000 }],
  officeOfDeparture: 'KDKAN',
  officeOfDestination: 'KBBRD',
  certificateOfOrigin,
});

/** Each administrator trusts the other's anchor (its kid read from the partner, as if agreed out of band). */
export async function federate(one: { admin: ApiClient; instance: string; url: string }, other: { admin: ApiClient; instance: string; url: string }): Promise<void> {
  const anchorOf = async (side: typeof one) => (await side.admin.request('GET', '/api/federation/anchor')).body.kid as string;
  const [oneKid, otherKid] = await Promise.all([anchorOf(one), anchorOf(other)]);
  for (const [trusting, trusted, kid] of [[one, other, otherKid], [other, one, oneKid]] as const) {
    const established = await trusting.admin.request('POST', '/api/federation/partners', { instance: trusted.instance, baseUrl: trusted.url, anchorKid: kid });
    if (established.status !== 201) throw new Error(`${trusting.instance} could not federate with ${trusted.instance}: ${established.status} ${JSON.stringify(established.body)}`);
  }
}
