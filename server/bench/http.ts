const REQUEST_TIMEOUT_MS = 30_000

/**
 * A logged-in HTTP client that behaves like one of the pages: same-origin `Origin` header and
 * the cookies the server set. (server/test/server.ts has a similar helper typed for tests.)
 */
export class PageSession {
  private readonly cookies = new Map<string, string>()

  constructor(readonly baseUrl: string) {}

  /** The Cookie header a browser would send, also used for the socket handshake. */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { origin: this.baseUrl, 'content-type': 'application/json', ...(this.cookies.size ? { cookie: this.cookieHeader } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The bench must stop by itself even if the server hangs.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!
      const eq = pair.indexOf('=')
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
  }

  /** POST that must answer `expected`; returns the body for the caller to read. */
  async postOk(path: string, body: unknown, expected = 200): Promise<unknown> {
    const res = await this.request('POST', path, body)
    if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }

  async login(loginId: string, password: string): Promise<this> {
    await this.postOk('/api/session', { loginId, password })
    return this
  }
}
