import { catalogueRoutes } from './modules/catalogue/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { adminRoutes } from './platform/auth/admin-routes.ts';
import { sessionRoutes } from './platform/auth/session-routes.ts';
import { operationsRoutes } from './platform/events/routes.ts';
import type { Config } from './platform/config.ts';
import type { SecretBox } from './platform/crypto/secret-box.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { createHttpServer, type App } from './platform/http/server.ts';
import { serveWebApp } from './web-app.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  box: SecretBox;
}

/** Assembles the HTTP face of the platform: shell, then each part's routes, then the web app. */
export async function buildApp({ config, database, box }: AppDeps): Promise<App> {
  const { db } = database;
  const app = await createHttpServer({
    db,
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    defaultLocale: config.defaultLocale,
    staffTotpRequired: config.staffTotpRequired,
    authAttemptsPerMinute: config.authAttemptsPerMinute,
    publicUrl: config.publicUrl,
    trustProxyHops: config.trustProxyHops,
  });
  healthRoutes(app, database.ping);
  sessionRoutes(app, {
    db,
    box,
    sessionTtlHours: config.sessionTtlHours,
    secureCookies: config.publicUrl.startsWith('https:'),
    authAttemptsPerMinute: config.authAttemptsPerMinute,
  });
  adminRoutes(app, db);
  auditRoutes(app, db);
  operationsRoutes(app, db);
  catalogueRoutes(app, db);
  await serveWebApp(app);
  return app;
}
