import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, type ApiRequest } from '../api/client';
import type { Language, Session, SessionUser } from '../api/types';
import { currentLanguage, storedLanguage, switchLanguage } from '../i18n/languages';

export type SessionState =
  | { status: 'loading' }
  /** `signedOut`: the user just chose to leave; they are not sent back where they were. */
  | { status: 'anonymous'; signedOut?: boolean }
  | { status: 'signedIn'; user: SessionUser };

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

type Request = Omit<ApiRequest, 'language' | 'csrfToken'>;

interface SessionContextValue {
  state: SessionState;
  /** Calls the API in the current language, with the session's CSRF token on writes. */
  request<T>(path: string, request?: Request): Promise<T>;
  login(credentials: Credentials): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads the session, e.g. after enrolling a second factor. */
  refresh(): Promise<void>;
  /** Switches the interface language and, when signed in, records it on the account. */
  chooseLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useSignedInUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedInUser without a signed-in user');
  return state.user;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // The CSRF token lives in memory only: never in storage a script injection could read later.
  const [csrfToken, setCsrfToken] = useState<string | null>(null);

  const request = useCallback(
    async <T,>(path: string, options: Request = {}): Promise<T> => {
      try {
        return await apiRequest<T>(path, { ...options, language: currentLanguage(), csrfToken });
      } catch (error) {
        // The session expired or was revoked elsewhere: back to the sign-in page.
        if (error instanceof ApiError && error.code === 'not_authenticated') {
          setCsrfToken(null);
          setState({ status: 'anonymous' });
        }
        throw error;
      }
    },
    [csrfToken],
  );

  const adopt = useCallback(async (session: Session) => {
    const user = await reconcileLanguage(session);
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', user });
  }, []);

  const refresh = useCallback(async () => {
    try {
      await adopt(await apiRequest<Session>('/api/session', { language: currentLanguage() }));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, [adopt]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  const login = useCallback(
    async (credentials: Credentials) => {
      const session = await apiRequest<Session>('/api/auth/login', {
        method: 'POST',
        body: credentials,
        language: currentLanguage(),
      });
      await adopt(session);
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await request<void>('/api/auth/logout', { method: 'POST' });
    } catch (error) {
      // Already signed out on the server is a success; anything else leaves the session open,
      // and the user must know it is still open.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', signedOut: true });
  }, [request]);

  const chooseLanguage = useCallback(
    async (language: Language) => {
      await switchLanguage(language);
      if (state.status !== 'signedIn' || state.user.locale === language) return;
      // Remembered on the account so e-mails and issued documents follow; a failure here
      // must not undo the switch the user just saw happen.
      const user = await request<SessionUser>('/api/me', { method: 'PATCH', body: { locale: language } }).catch(
        () => null,
      );
      if (user) setState({ status: 'signedIn', user });
    },
    [request, state],
  );

  const value = useMemo(
    () => ({ state, request, login, logout, refresh, chooseLanguage }),
    [state, request, login, logout, refresh, chooseLanguage],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/**
 * A language chosen in this browser is the user's latest explicit choice (often made on the
 * sign-in page) and is recorded on the account; without one, the account's language applies.
 */
async function reconcileLanguage({ user, csrfToken }: Session): Promise<SessionUser> {
  const chosen = storedLanguage();
  if (!chosen) {
    await switchLanguage(user.locale, { remember: false }).catch(() => undefined);
    return user;
  }
  if (chosen === user.locale) return user;
  return apiRequest<SessionUser>('/api/me', {
    method: 'PATCH',
    body: { locale: chosen },
    language: chosen,
    csrfToken,
  }).catch(() => user);
}
