import type { BlobStore } from '../../platform/blobs/index.ts';
import { ConfigError } from '../../platform/config.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/server.ts';
import type { CaseService } from '../cases/index.ts';
import { registerGovstackRoutes } from './routes.ts';
import { answerErrorsAsSystemError } from './system-error.ts';

/** Where the GovStack Registration Building Block API v0.1.1 is served unless GOVSTACK_PREFIX says otherwise. */
export const DEFAULT_GOVSTACK_PREFIX = '/api/govstack/registration/v0.1.1';

/** GOVSTACK_PREFIX: a path ("/rb", "/api/govstack/registration/v0.1.1"), or empty to serve at the root as the specification's test suite expects. */
export function govstackPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.GOVSTACK_PREFIX;
  if (raw === undefined) return DEFAULT_GOVSTACK_PREFIX;
  const prefix = raw.replace(/\/+$/, '');
  if (prefix !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) {
    throw new ConfigError(`GOVSTACK_PREFIX must be empty or a path like /api/govstack/registration/v0.1.1, got "${raw}"`);
  }
  return prefix;
}

export interface GovstackDeps {
  db: Db;
  prefix: string;
  cases: CaseService;
  /** The blob store the cases service attaches from (same root). */
  blobs: BlobStore;
  /** Seals document references (see documents.ts). */
  box: SecretBox;
}

/**
 * Serves the GovStack Registration BB API over Guichet's own catalogue, applications and cases:
 * every route calls the catalogue or cases service, nothing is stored twice (docs/govstack.md).
 */
export function govstackRoutes(app: App, deps: GovstackDeps): void {
  void app.register(
    async (scope) => {
      answerErrorsAsSystemError(scope);
      // Uploads may come as a form; the bytes are parsed by the route (documents.ts).
      scope.addContentTypeParser(['multipart/form-data', 'application/x-www-form-urlencoded'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      registerGovstackRoutes(scope as App, deps);
    },
    { prefix: deps.prefix },
  );
}
