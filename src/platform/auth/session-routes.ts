import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { notAuthenticated } from '../http/errors.ts';
import { changeContext, principalOf } from '../http/request-context.ts';
import { Closed, Email, errors, LocaleSchema } from '../http/schema.ts';
import { authRateLimit, type App } from '../http/server.ts';
import type { FastifyRequest } from 'fastify';
import { confirmTotpEnrolment, registerApplicant, startTotpEnrolment, updateLocale } from './account.ts';
import { accountView } from './account-view.ts';
import { SESSION_COOKIE } from './guard.ts';
import { login, logout } from './login.ts';
import { ROLES } from './roles.ts';

export interface SessionRouteDeps {
  db: Db;
  box: SecretBox;
  sessionTtlHours: number;
  secureCookies: boolean;
  authAttemptsPerMinute: number;
}

export const Account = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  roles: Type.Array(
    Type.Object({
      role: Type.Enum(ROLES),
      agencyId: Type.Union([Type.String(), Type.Null()]),
      agencyCode: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  company: Type.Union([Type.Object({ taxId: Type.String(), name: Type.String() }), Type.Null()]),
  totpEnabled: Type.Boolean(),
});
const SessionBody = Type.Object({ user: Account, csrfToken: Type.String() });

/** The person behind the request; the guard's `session.self` check already refused machine clients. */
const signedInUser = (request: FastifyRequest): string => principalOf(request).id;

export function sessionRoutes(app: App, deps: SessionRouteDeps): void {
  const { db, box } = deps;
  const tags = ['identity'];

  app.get('/api/session', {
    config: { access: 'session.self' },
    schema: { tags, summary: 'The signed-in account and its CSRF token', response: { 200: SessionBody, ...errors(401, 403) } },
  }, async (request) => {
    const user = await accountView(db, signedInUser(request));
    return { user, csrfToken: request.auth?.csrfToken ?? '' };
  });

  app.post('/api/auth/login', {
    config: { access: 'public', ...authRateLimit(deps) },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password (and TOTP code for enrolled staff)',
      body: Closed({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }), totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })) }),
      response: { 200: SessionBody, ...errors(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    const session = await login({ db, box, sessionTtlHours: deps.sessionTtlHours }, changeContext(request), request.body);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: deps.sessionTtlHours * 3600,
    });
    return { user: await accountView(db, session.userId), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { access: 'session.self' },
    schema: { tags, summary: 'End the current session', response: { 204: Type.Null(), ...errors(401, 403) } },
  }, async (request, reply) => {
    const sessionId = request.auth?.sessionId;
    if (!sessionId) throw notAuthenticated();
    await logout(db, changeContext(request), sessionId, signedInUser(request));
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
  });

  app.post('/api/auth/register', {
    config: { access: 'public', ...authRateLimit(deps) },
    schema: {
      tags,
      summary: 'Open an applicant account (a citizen, or a business with its company)',
      body: Closed({
        email: Email,
        password: Type.String({ minLength: 1, maxLength: 1024 }),
        displayName: Type.String({ minLength: 2, maxLength: 120 }),
        locale: LocaleSchema,
        company: Type.Optional(
          Closed({
            taxId: Type.String({ pattern: '^\\s*[A-Za-z0-9][A-Za-z0-9-]{3,30}\\s*$', description: 'Tax identification number, e.g. KD-2019-004512' }),
            name: Type.String({ minLength: 2, maxLength: 200 }),
          }),
        ),
      }),
      response: { 201: Type.Object({ id: Type.String() }), ...errors(400, 409, 429) },
    },
  }, async (request, reply) => {
    const id = await registerApplicant(db, changeContext(request), request.body);
    return reply.status(201).send({ id });
  });

  app.patch('/api/me', {
    config: { access: 'session.self' },
    schema: { tags, summary: 'Change the preferred language of e-mails and documents', body: Closed({ locale: LocaleSchema }), response: { 200: Account, ...errors(400, 401, 403) } },
  }, async (request) => {
    const userId = signedInUser(request);
    await updateLocale(db, changeContext(request), userId, request.body.locale);
    return accountView(db, userId);
  });

  app.post('/api/me/totp/setup', {
    config: { access: 'session.self' },
    schema: { tags, summary: 'Start TOTP enrolment: a new secret for the authenticator app', response: { 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }), ...errors(401, 403) } },
  }, async (request) => startTotpEnrolment(db, box, changeContext(request), signedInUser(request)));

  app.post('/api/me/totp/confirm', {
    config: { access: 'session.self', ...authRateLimit(deps) },
    schema: { tags, summary: 'Finish TOTP enrolment with a code from the app', body: Closed({ code: Type.String({ pattern: '^[0-9]{6}$' }) }), response: { 204: Type.Null(), ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    await confirmTotpEnrolment(db, box, changeContext(request), signedInUser(request), request.body.code);
    return reply.status(204).send(null);
  });
}
