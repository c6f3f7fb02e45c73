// `npm run bench -- NAME`: runs bench/NAME.ts, whose last printed line is its JSON result.
const name = process.argv[2];
const benches: Record<string, () => Promise<unknown>> = {
  http: () => import('./http.ts'),
  submit: () => import('./submit.ts'),
  documents: () => import('./documents.ts'),
  exchange: () => import('./exchange.ts'),
  lodge: () => import('./lodge.ts'),
  dashboard: () => import('./dashboard.ts'),
  archive: () => import('./archive.ts'),
};
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>   (BENCH_QUICK=1 for a short run; DATABASE_URL for PostgreSQL)`);
  process.exit(2);
}
await load();
