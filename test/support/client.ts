import { DEMO_PASSWORD } from '../../src/demo/country.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A browser-like API client over real HTTP: keeps the session cookie, sends the CSRF token it was
 * given on every change, and speaks the language it is told to.
 */
export class ApiClient {
  readonly baseUrl: string;
  cookie: string | undefined;
  csrfToken: string | undefined;
  language = 'fr';

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'accept-language': this.language,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  async login(email: string, password = DEMO_PASSWORD, totp?: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/auth/login', { email, password, ...(totp ? { totp } : {}) });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

export const demoEmail = (name: string) => `${name}@demo.guichet.test`;
