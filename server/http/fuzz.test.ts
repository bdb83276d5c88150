import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { clientCommands, ErrorBody, type CommandName } from '../../shared/protocol/index.js'
import { isFile, routes, type Route } from '../../shared/protocol/routes.js'
import { hashPassword } from '../auth/password.js'
import { createStaff } from '../data/schoolSetup.js'
import type { Database } from '../db/types.js'
import { MAX_SOCKET_MESSAGE_BYTES } from '../realtime/hub.js'
import { changedTables, tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { fuzzSettings, nastyString, payloads } from '../test/fuzzPayloads.js'
import { Client, startTestServer, type TestServer, type TestSocket } from '../test/server.js'

/**
 * Every route of the catalogue and every socket command, fed generated junk and nearly-right
 * payloads by an admin and by a guardian: never a 5xx, never a hang, every refusal in the
 * standard error shape, and a batch of refusals writes nothing.
 */

const { seed, runs } = fuzzSettings()
const TIMEOUT_MS = 10_000

const key = (r: Route) => `${r.method} ${r.path}`
const ALL_ROUTES = Object.values(routes).flatMap((group) => Object.values(group) as Route[])
/** Any call, valid or not, would end the caller's session. */
const SKIPPED = new Set(['DELETE /api/session', 'POST /api/account/sessions/end-others', 'POST /api/admin/roster/apply'])
/** A valid call would spoil the session or the fixtures: only payloads their schema refuses are sent. */
const INVALID_ONLY = new Set(['POST /api/account/password', 'POST /api/account/sessions/:id/end', 'PUT /api/admin/settings'])

let db: Database
let server: TestServer
let a: SmallSchool
let callers: { name: string; client: Client; socket: TestSocket }[] = []
/** Ids that exist but whose loss harms neither caller (never the admin's or the guardian's own). */
let ids: number[] = []
const rejections: unknown[] = []
const onRejection = (reason: unknown) => rejections.push(reason)

beforeAll(async () => {
  console.log(`fuzz: seed ${seed}, ${runs} payloads per route and caller (ASAGAO_FUZZ_SEED / ASAGAO_FUZZ_RUNS to change)`)
  process.on('unhandledRejection', onRejection)
  db = await testDatabase()
  a = await smallSchool(db.sql, 'fz')
  const victim = await createStaff(db.sql, { schoolId: a.schoolId, loginId: 'fz-victim', passwordHash: await hashPassword(PASSWORD), familyName: '被験', givenName: '職員', roles: ['teacher'] })
  ids = [victim, a.pupils.other, a.classes.c2].filter((id) => id !== a.staff.admin && id !== a.guardians.suzuki)
  server = await startTestServer(db)
  for (const [name, loginId] of [['admin', a.login.admin], ['guardian', a.login.suzuki]] as const) {
    const client = await new Client(server).login(loginId)
    callers.push({ name, client, socket: await client.socket() })
  }
}, 60_000)

afterAll(async () => {
  process.off('unhandledRejection', onRejection)
  for (const c of callers) c.socket.disconnect()
  callers = []
  await server?.close()
  await db?.close()
})

/** A path parameter: an id that exists, a number out of range, or a nasty string. */
const paramValue = () => fc.oneof(fc.constantFrom(...ids.map(String), '0', '-1', '2147483648', '1.5', '1e3'), nastyString)

/**
 * A URL part, cut short: Node itself answers 431 without a body to a request line over 16 KB,
 * before the app sees it. encodeURIComponent refuses lone surrogates; they go as the invalid
 * UTF-8 a careless client would send.
 */
function encode(value: string): string {
  try {
    return encodeURIComponent(value.slice(0, 300))
  } catch {
    return '%ED%A0%80'
  }
}

function queryString(query: unknown): string {
  if (query === undefined) return ''
  const entries = typeof query === 'object' && query !== null && !Array.isArray(query) ? Object.entries(query) : [['q', query] as const]
  const pairs = entries.flatMap(([k, v]) => (Array.isArray(v) ? v.slice(0, 10) : [v]).filter((x) => x !== undefined).map((x) => `${encode(k)}=${encode(typeof x === 'string' ? x : JSON.stringify(x))}`))
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/** Bodies a JSON parser must refuse politely. */
const brokenJson = fc.constantFrom('{', '{"a":', '[1,2', 'nul', '\u0000', '{"a":1e999999}', '{"__proto__":{"polluted":true}}', '"only a string"')

interface Sample { path: string; body: string | undefined; contentType: string }

function samplesFor(route: Route, index: number): Sample[] {
  const paramNames = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)
  const params = fc.record(Object.fromEntries(paramNames.map((n) => [n, paramValue()])) as Record<string, fc.Arbitrary<string>>)
  const query = route.query ? payloads(route.query, ids) : fc.constant(undefined)
  const body: fc.Arbitrary<string | undefined> = route.method === 'GET'
    ? fc.constant(undefined)
    : isFile(route.body)
      ? fc.oneof(nastyString, fc.constant('年,組,番号\n1,1,1\n'))
      : fc.oneof({ arbitrary: payloads(route.body as z.ZodType | undefined, ids).map((v) => JSON.stringify(v)), weight: 5 }, { arbitrary: brokenJson, weight: 1 })
  const sample = fc.record({ params, query, body }).filter((s) => !INVALID_ONLY.has(key(route)) || refusedBySchema(route, s.params, s.body))
  return fc.sample(sample, { seed: seed + index, numRuns: runs }).map((s) => ({
    path: route.path.replace(/:([A-Za-z]+)/g, (_m, n: string) => encode(s.params[n]!)) + queryString(s.query),
    body: s.body,
    contentType: isFile(route.body) ? 'text/csv' : 'application/json',
  }))
}

function refusedBySchema(route: Route, params: Record<string, string>, body: string | undefined): boolean {
  if (route.params && !(route.params as z.ZodType).safeParse(params).success) return true
  if (!route.body || isFile(route.body)) return false
  try {
    return !(route.body as z.ZodType).safeParse(JSON.parse(body ?? '')).success
  } catch {
    return true
  }
}

async function send(client: Client, method: string, s: Sample): Promise<{ status: number; text: string }> {
  const res = await fetch(server.url + s.path, {
    method,
    headers: { origin: server.url, 'content-type': s.contentType, cookie: client.cookie },
    body: s.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  return { status: res.status, text: await res.text() }
}

const isErrorBody = (text: string) => {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).success
  } catch {
    return false
  }
}

const show = (x: unknown) => {
  const s = typeof x === 'string' ? x : JSON.stringify(x) ?? String(x)
  return s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s
}

describe(`every catalogue route survives fuzzed input (seed ${seed})`, () => {
  ALL_ROUTES.forEach((route, index) => {
    const name = key(route)
    if (SKIPPED.has(name)) return
    it(name, async () => {
      const failures: string[] = []
      for (const caller of callers) {
        const samples = samplesFor(route, index)
        const before = await tableChecksums(db.sql)
        let allRefused = true
        for (const s of samples) {
          const where = `${caller.name} ${route.method} ${show(s.path)} body ${show(s.body)}`
          let res: { status: number; text: string }
          try {
            res = await send(caller.client, route.method, s)
          } catch (err) {
            failures.push(`${where}: no answer (${String(err)})`)
            continue
          }
          if (res.status >= 500) failures.push(`${where}: ${res.status} ${show(res.text)}`)
          else if (res.status >= 400 && !isErrorBody(res.text)) failures.push(`${where}: ${res.status} without the error shape: ${show(res.text)}`)
          if (res.status < 400) allRefused = false
        }
        // Public routes may count failed attempts (login throttling); the others must write nothing when they refuse.
        if (allRefused && !route.public) {
          const changed = changedTables(before, await tableChecksums(db.sql))
          if (changed.length) failures.push(`${caller.name}: refused requests changed ${changed.join(', ')}`)
        }
        const me = await caller.client.get('/api/session')
        if (me.status !== 200) failures.push(`${caller.name}: session lost after fuzzing ${name} (${me.status})`)
      }
      expect(failures).toEqual([])
    }, 60_000)
  })
})

describe(`every socket command survives fuzzed payloads (seed ${seed})`, () => {
  ;(Object.keys(clientCommands) as CommandName[]).forEach((name, index) => {
    it(name, async () => {
      const failures: string[] = []
      for (const caller of callers) {
        const samples = fc.sample(payloads(clientCommands[name].payload, ids), { seed: seed + 1_000 + index, numRuns: runs })
        const before = await tableChecksums(db.sql)
        let allRefused = true
        for (const payload of samples) {
          const where = `${caller.name} ${name} ${show(payload)}`
          if (!caller.socket.connected) caller.socket = await caller.client.socket()
          // Near the frame limit the server may close the socket instead of answering; it must not hang.
          const oversize = Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_SOCKET_MESSAGE_BYTES - 256
          try {
            const ack = (await caller.socket.timeout(TIMEOUT_MS).emitWithAck(name, payload as never)) as { ok?: unknown }
            if (ack?.ok === true) allRefused = false
            else if (!ErrorBody.safeParse(ack).success) failures.push(`${where}: ack neither ok nor the error shape: ${show(ack)}`)
            else if ((ack as ErrorBody).error.code === 'INTERNAL') failures.push(`${where}: INTERNAL`)
          } catch (err) {
            if (!(oversize && !caller.socket.connected)) failures.push(`${where}: no ack (${String(err)})`)
          }
        }
        if (allRefused) {
          const changed = changedTables(before, await tableChecksums(db.sql))
          if (changed.length) failures.push(`${caller.name}: refused commands changed ${changed.join(', ')}`)
        }
      }
      expect(failures).toEqual([])
    }, 60_000)
  })

  it('left no promise rejection unhandled', () => {
    expect(rejections.map(String)).toEqual([])
  })
})
