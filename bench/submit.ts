import path from 'node:path';
import { load, QUICK, round, signIn, withPlatform, type Session } from './harness.ts';
import { rawInsertRate } from './raw-insert.ts';

/**
 * Submission benchmark: POST /api/applications/:id/submit on drafts of a realistic form (the
 * import-licence form: tax id, HS code, quantities, nested supplier). Each submission validates the
 * form against its pinned JSON Schema, computes the fee, writes the file and two workflow moves
 * with their history, one hash-chained audit entry and one outbox event, in one transaction; the
 * notification it triggers is written by the outbox subscriber in the same process meanwhile.
 * Measured flat out (16 connections) and at a fixed 200 submissions/s (20 connections, 10/s each),
 * against raw single-row INSERT transactions on the same engine in the same run.
 *
 * The bench procedure is the shipped import licence without required attachments, published
 * through the API like any new version: uploading four PDFs per draft would measure the blob
 * store, not submission.
 */
const PROCEDURE = 'bench-import-licence';

async function createDrafts(base: string, session: Session, data: unknown, count: number): Promise<string[]> {
  const ids: string[] = [];
  const body = JSON.stringify({ procedureId: PROCEDURE, data });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (ids.length < count) {
        ids.push('');
        const response = await fetch(`${base}/api/applications`, { method: 'POST', headers: session.headers, body });
        if (response.status !== 201) throw new Error(`draft refused: ${response.status} ${await response.text()}`);
        ids[ids.indexOf('')] = ((await response.json()) as { id: string }).id;
      }
    }),
  );
  return ids;
}

function submitAll(base: string, session: Session, ids: string[], overallRate?: number) {
  let next = 0;
  return load({
    url: base,
    amount: ids.length,
    ...(overallRate ? { overallRate, connections: 20 } : { connections: 16 }),
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: `/api/applications/${ids[next++]}/submit` }) }],
  });
}

await withPlatform(async ({ base, databaseUrl, schema, dataDir, engine }) => {
  const admin = await signIn(base, 'admin@demo.guichet.test');
  const licence = (await (await fetch(`${base}/api/catalogue/procedures/import-licence`)).json()) as Record<string, unknown> & { form: { example: unknown } };
  const published = await fetch(`${base}/api/catalogue/procedures`, {
    method: 'POST',
    headers: admin.headers,
    body: JSON.stringify({ ...licence, id: PROCEDURE, version: 1, attachments: [] }),
  });
  if (published.status !== 201) throw new Error(`bench procedure refused: ${await published.text()}`);

  const applicant = await signIn(base, 'moussa.traore@demo.guichet.test');
  const flatOutDrafts = await createDrafts(base, applicant, licence.form.example, QUICK ? 1500 : 6000);
  const flatOut = await submitAll(base, applicant, flatOutDrafts);
  const steadyDrafts = await createDrafts(base, applicant, licence.form.example, QUICK ? 600 : 3000);
  const steady = await submitAll(base, applicant, steadyDrafts, 200);

  const raw = await rawInsertRate(databaseUrl, schema, 10, path.join(dataDir, 'raw-pg'));
  const rawSequential = databaseUrl ? await rawInsertRate(databaseUrl, schema, 1) : raw;
  console.log(`engine ${engine}${QUICK ? ' (quick)' : ''}`);
  console.log(`submissions flat out   ${round(flatOut.rps)}/s  p50 ${flatOut.p50} ms  p99 ${flatOut.p99} ms  non-2xx ${flatOut.non2xx}  (${flatOutDrafts.length} files)`);
  console.log(`submissions at 200/s   ${round(steady.rps)}/s  p50 ${steady.p50} ms  p99 ${steady.p99} ms  non-2xx ${steady.non2xx}  (${steadyDrafts.length} files)`);
  console.log(`raw insert txns        ${round(raw)} tx/s${databaseUrl ? ` (10 connections)  ${round(rawSequential)} tx/s (1 connection)` : " (PGlite's one connection, on disk)"}`);
  if (flatOut.non2xx + steady.non2xx + flatOut.errors + steady.errors > 0) throw new Error('the benchmark saw failed submissions; figures are not valid');
  console.log(
    JSON.stringify({
      bench: 'submit',
      metric: 'submissions_per_s',
      value: round(flatOut.rps),
      unit: 'submissions/s',
      p50_ms: flatOut.p50,
      p99_ms: flatOut.p99,
      baseline: `raw_${engine}_insert_tx_per_s`,
      baseline_value: round(raw),
      ratio: round(flatOut.rps / raw, 3),
      engine,
      at_200_per_s_p50_ms: steady.p50,
      at_200_per_s_p99_ms: steady.p99,
      at_200_per_s_achieved: round(steady.rps),
      raw_insert_single_connection_tx_per_s: round(rawSequential),
      ratio_to_single_connection_raw: round(flatOut.rps / rawSequential, 3),
    }),
  );
});
