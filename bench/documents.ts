import { generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { DEMO_AGENCIES, DEMO_COUNTRY } from '../src/demo/country.ts';
import { readShippedDefinitions, type ProcedureDefinition } from '../src/modules/catalogue/index.ts';
import { applicationDraft, signedDocumentOf, type DocumentDraft } from '../src/modules/documents/draft.ts';
import { sealPayload } from '../src/modules/documents/payload.ts';
import { renderDocumentPdf } from '../src/modules/documents/pdf/render.ts';
import { verifyPayload } from '../src/modules/documents/verify.ts';
import { kidBytesOf, kidOf, publicJwkOf, type VerificationKey } from '../src/platform/crypto/signing-keys-jwk.ts';
import type { Locale } from '../src/platform/i18n/i18n.ts';
import { QUICK, round } from './harness.ts';

/**
 * Documents benchmark: the issuing path without HTTP or database — draw up the draft, sign its
 * payload (COSE_Sign1, Ed25519), render the PDF (A4, fonts, bidi, QR code as vectors) — over the
 * nine shipped procedures' documents in French, Arabic and English in turn; then verification of
 * their payloads (base45, CBOR, Ed25519 verify, dates). p50/p99 are the wall time of one issuance. Rates are per CPU-second of this
 * thread (the work runs on one thread, so this is per core, and it holds on a busy machine where
 * wall time does not); wall-clock rates are printed too. Baseline in the same run: bare Ed25519 sign
 * and verify from node:crypto.
 */
const SECONDS = QUICK ? 3 : 10;

const LANGUAGES: Locale[] = ['fr', 'ar', 'en'];

/** Each agency signs with its own key, as on the platform. */
const agencyKeys = new Map<string, { kid: string; signer: { kidBytes: Buffer; sign(data: Uint8Array): Buffer }; verification: VerificationKey }>();
function keyOf(agencyCode: string) {
  let key = agencyKeys.get(agencyCode);
  if (!key) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicJwkOf(publicKey);
    key = { kid: kidOf(jwk), signer: { kidBytes: kidBytesOf(jwk), sign: (data) => sign(null, data, privateKey) }, verification: { kid: kidOf(jwk), agencyCode, publicKey } };
    agencyKeys.set(agencyCode, key);
  }
  return key;
}

function draftsOf(definitions: ProcedureDefinition[]): DocumentDraft[] {
  return definitions.flatMap((definition) =>
    LANGUAGES.map((language) => {
      const agency = DEMO_AGENCIES.find((a) => a.code === definition.agency);
      if (!agency) throw new Error(`no agency ${definition.agency}`);
      const source = {
        applicationId: randomUUID(), reference: 'KD-2026-000123', agencyId: randomUUID(), agencyCode: definition.agency, procedureId: definition.id,
        procedureVersion: definition.version, definition, data: definition.form.example,
        applicant: { id: randomUUID(), name: language === 'ar' ? 'سمير بن علي' : 'Awa Ndiaye', locale: language }, company: null, decidedAt: new Date().toISOString(),
      };
      return applicationDraft(source, { id: randomUUID(), number: `${definition.agency}-2026-000001`, agency: { code: definition.agency, names: agency.names }, issuedAt: new Date() });
    }),
  );
}

async function issue(draft: DocumentDraft, serial: number) {
  const numbered = { ...draft, id: randomUUID(), number: `${draft.agency.code}-2026-${String(serial).padStart(6, '0')}` };
  const key = keyOf(draft.agency.code);
  const payload = sealPayload(signedDocumentOf(numbered), key.signer);
  const rendered = await renderDocumentPdf({ draft: numbered, country: DEMO_COUNTRY.names, kid: key.kid, verifyUrl: 'https://guichet.gov.kd/verify', payload });
  return { payload, ...rendered };
}

/**
 * Runs `step` until `seconds` of this thread's CPU time are spent; rates per CPU-second of the
 * thread (per core: the work runs on one thread) and per wall second.
 */
async function measure(seconds: number, step: (i: number) => unknown) {
  const cpuAtStart = process.threadCpuUsage();
  const wallAtStart = performance.now();
  let count = 0;
  const durations: number[] = [];
  const cpuSeconds = () => {
    const used = process.threadCpuUsage(cpuAtStart);
    return (used.user + used.system) / 1e6;
  };
  while (cpuSeconds() < seconds) {
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await step(count++);
      durations.push(performance.now() - started);
    }
  }
  durations.sort((a, b) => a - b);
  const percentile = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0;
  return { count, perCpuSecond: count / cpuSeconds(), perWallSecond: count / ((performance.now() - wallAtStart) / 1000), p50: percentile(0.5), p99: percentile(0.99) };
}

const definitions = (await readShippedDefinitions()).map((s) => s.raw as ProcedureDefinition).filter((d) => d.document);
const drafts = draftsOf(definitions);
// Warm-up: fonts parsed, glyph outlines and layouts cached, code optimised.
const samples: (Awaited<ReturnType<typeof issue>> & { language: Locale })[] = [];
for (let round = 0; round < 3; round++) for (const [i, draft] of drafts.entries()) samples.push({ language: draft.language, ...(await issue(draft, i)) });

const issued = await measure(SECONDS, (i) => issue(drafts[i % drafts.length] as DocumentDraft, i));
const byLanguage = {} as Record<Locale, number>;
for (const language of LANGUAGES) {
  const own = drafts.filter((d) => d.language === language);
  byLanguage[language] = round((await measure(SECONDS / 3, (i) => issue(own[i % own.length] as DocumentDraft, i))).perCpuSecond);
}

const keys = new Map([...agencyKeys.values()].map((k) => [k.kid, k.verification]));
const payloads = samples.map((s) => s.payload);
let valid = 0;
const verified = await measure(SECONDS, (i) => {
  if (verifyPayload(payloads[i % payloads.length] as string, keys).status === 'valid') valid += 1;
});
if (valid !== verified.count) throw new Error('a payload failed to verify; figures are not valid');

// Baseline: the bare signature primitive over a payload-sized message.
const raw = generateKeyPairSync('ed25519');
const message = Buffer.from(payloads[0] ?? '');
const signature = sign(null, message, raw.privateKey);
const rawSign = await measure(SECONDS / 2, () => sign(null, message, raw.privateKey));
const rawVerify = await measure(SECONDS / 2, () => verify(null, message, raw.publicKey, signature));

const versions = samples.map((s) => s.qrVersion);
const chars = samples.map((s) => s.payload.length);
const bytesOf = (language: Locale) => round(samples.filter((s) => s.language === language).reduce((sum, s) => sum + s.pdf.length, 0) / samples.filter((s) => s.language === language).length / 1024);
console.log(`documents${QUICK ? ' (quick)' : ''}: ${drafts.length} drafts (${definitions.length} procedures × fr, ar, en)`);
console.log(`issued (PDF + QR + signature)  ${round(issued.perCpuSecond)}/s per core  (${round(issued.perWallSecond)}/s wall, p50 ${round(issued.p50, 2)} ms, p99 ${round(issued.p99, 2)} ms)  fr ${byLanguage.fr}  ar ${byLanguage.ar}  en ${byLanguage.en}   target ≥ 100`);
console.log(`verified                       ${round(verified.perCpuSecond)}/s per core  (${round(verified.perWallSecond)}/s wall)   target ≥ 5,000`);
console.log(`raw Ed25519                    sign ${round(rawSign.perCpuSecond)}/s  verify ${round(rawVerify.perCpuSecond)}/s per core`);
console.log(`payload ${Math.min(...chars)}–${Math.max(...chars)} characters, QR versions ${Math.min(...versions)}–${Math.max(...versions)} (level M); PDF ≈ ${bytesOf('fr')} KiB (fr), ${bytesOf('ar')} KiB (ar)`);
console.log(
  JSON.stringify({
    bench: 'documents',
    metric: 'documents_issued_per_s_per_core',
    value: round(issued.perCpuSecond),
    unit: 'documents/s',
    p50_ms: round(issued.p50, 2),
    p99_ms: round(issued.p99, 2),
    verifications_per_s_per_core: round(verified.perCpuSecond),
    baseline: 'ed25519_sign_per_s_per_core',
    baseline_value: round(rawSign.perCpuSecond),
    ratio: round(issued.perCpuSecond / rawSign.perCpuSecond, 4),
    ed25519_verify_per_s_per_core: round(rawVerify.perCpuSecond),
    verify_ratio: round(verified.perCpuSecond / rawVerify.perCpuSecond, 3),
    issued_per_s_wall: round(issued.perWallSecond),
    verified_per_s_wall: round(verified.perWallSecond),
    issued_by_language: byLanguage,
    qr_versions: [Math.min(...versions), Math.max(...versions)],
    payload_chars: [Math.min(...chars), Math.max(...chars)],
    pdf_kib: { fr: bytesOf('fr'), ar: bytesOf('ar'), en: bytesOf('en') },
    targets: { issued_per_s: 100, verified_per_s: 5000 },
  }),
);
