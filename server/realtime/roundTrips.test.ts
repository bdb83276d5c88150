import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeReport } from '../data/reports.js'
import { buildSnapshot } from '../day/snapshot.js'
import { countQueries, queriesOf, type QueryCount } from '../db/queryCount.js'
import type { Database } from '../db/types.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let reasonFever: number
let keyN = 0
const key = () => `trips-key-${String(++keyN).padStart(8, '0')}`

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'rt')
  const [r] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
  reasonFever = r!.id
  // No sweep on its own timer: nothing but the operation counted may use the pool (a busy machine makes operations long).
  server = await startTestServer(db, undefined, {}, { socketSweepMs: 0 }) // Monday 2026-11-30 07:45 JST
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/** The statements, one a line, for a failure message. */
const listing = (q: QueryCount) => `${q.count} statements:\n${q.statements.map((st) => st.slice(0, 160)).join('\n')}`

async function pairedBoard(): Promise<TestSocket> {
  const admin = await new Client(server).login(s.login.admin)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室' })
  const board = new Client(server)
  expect((await board.post('/api/board/pair', { code: created.body.pairingCode })).status).toBe(200)
  return board.socket('board')
}

describe('the query counter', () => {
  it('counts every statement sent, BEGIN and COMMIT of a transaction included', async () => {
    const q = await queriesOf(db.sql, async () => {
      await db.sql`select 1`
      await db.sql.begin(async (tx) => {
        await tx`select 2`
        await tx`select 3`
      })
    })
    expect(q.statements.map((st) => st.toLowerCase())).toEqual(['select 1', 'begin', 'select 2', 'select 3', 'commit'])
    // A statement that fails is still a round trip, and so is the rollback after it.
    const failed = countQueries(db.sql)
    await expect(db.sql.begin(async (tx) => tx`select 1/0`)).rejects.toThrow()
    expect(failed.stop().count).toBe(3)
  })
})

describe('round trips', () => {
  it('a guardian report, from request to receipt, takes at most 6', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const board = await pairedBoard()
    const seen = nextEvent(board, 'day:changed')
    const q = await queriesOf(db.sql, () =>
      guardian.post('/api/guardian/reports', {
        idempotencyKey: key(), pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
        reasonId: reasonFever, symptoms: ['せき'], temperature: 38.2, message: '熱があります',
      }),
    )
    expect(q.result.status).toBe(201)
    expect((await seen).changes[0]!.entry).toMatchObject({ pupilId: s.pupils.taro, status: 'absent' })
    console.log(`report: ${listing(q)}`)
    expect(q.count, listing(q)).toBeLessThanOrEqual(6)
    board.disconnect()
  })

  it('a socket heartbeat takes none, for a board and for staff', async () => {
    const board = await pairedBoard()
    const staff = await (await new Client(server).login(s.login.teacher1)).socket()
    for (const socket of [board, staff]) {
      const q = await queriesOf(db.sql, () => socket.emitWithAck('heartbeat:ping', { sentAt: 1 }))
      expect(q.result.ok).toBe(true)
      expect(q.count, listing(q)).toBe(0)
    }
    board.disconnect()
    staff.disconnect()
  })

  it('a snapshot of the day takes at most 3, and a page asking for it no more than the day itself', async () => {
    const q = await queriesOf(db.sql, () => buildSnapshot(db.sql, { schoolId: s.schoolId, date: '2026-11-30', buildId: 'x', forBoard: false }))
    expect(q.result.entries.map((e) => e.pupilId)).toContain(s.pupils.taro)
    console.log(`snapshot: ${listing(q)}`)
    expect(q.count, listing(q)).toBeLessThanOrEqual(3)
    const board = await pairedBoard()
    const command = await queriesOf(db.sql, () => board.emitWithAck('day:snapshot', {}))
    expect(command.result.ok).toBe(true)
    console.log(`board's day:snapshot command: ${listing(command)}`)
    // Who asks is what the socket holds (ends are pushed to it): the day's two statements, no device lookup.
    expect(command.count, listing(command)).toBeLessThanOrEqual(2)
    expect(command.statements.some((q) => /board_device|user_session/.test(q)), listing(command)).toBe(false)
    board.disconnect()
  })
})

describe('a heartbeat that asks no one still ends what was ended', () => {
  /**
   * Resolves when the socket is told its session ended and is disconnected, without the page
   * sending anything. The wait starts before the action and includes it (logins and password
   * hashes, slow on a busy machine); what matters is that nothing but the action causes it.
   */
  function cut(socket: TestSocket): Promise<unknown> {
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()))
    return Promise.all([nextEvent(socket, 'session:ended', 120_000), disconnected]).then(([ended]) => ended)
  }

  it('a logout, a password change, a password reset and a disabled account end the sockets at once', async () => {
    const admin = await new Client(server).login(s.login.admin)
    // Logout: this session's socket.
    const a = await new Client(server).login(s.login.teacher2)
    const loggedOut = cut(await a.socket())
    await a.request('DELETE', '/api/session')
    expect(await loggedOut).toEqual({ code: 'UNAUTHENTICATED' })

    // A password change ends the account's other sessions.
    const keeper = await new Client(server).login(s.login.teacher2)
    const other = await new Client(server).login(s.login.teacher2)
    const changed = cut(await other.socket())
    expect((await keeper.post('/api/account/password', { current: PASSWORD, next: 'another horse 8' })).status).toBe(200)
    expect(await changed).toEqual({ code: 'UNAUTHENTICATED' })

    // A reset code from the school ends every session of the account.
    const kept = cut(await keeper.socket())
    const issued = await admin.post(`/api/admin/staff/${s.staff.teacher2}/reset-code`)
    expect(issued.status).toBe(200)
    expect((await new Client(server).post('/api/account/reset', { loginId: s.login.teacher2, code: issued.body.code, password: PASSWORD })).status).toBe(200)
    expect(await kept).toEqual({ code: 'UNAUTHENTICATED' })

    // A disabled account.
    const vp = await new Client(server).login(s.login.vp)
    const disabled = cut(await vp.socket())
    expect((await admin.post(`/api/admin/staff/${s.staff.vp}/disable`)).status).toBe(200)
    expect(await disabled).toEqual({ code: 'UNAUTHENTICATED' })
  }, 120_000) // six logins and three password hashes: slow on a busy machine

  it('what nobody pushed (the command-line tool ends sessions) is caught by the sweep, one query for every socket', async () => {
    const cli = await new Client(server).login(s.login.teacher1)
    const cut1 = cut(await cli.socket())
    const stays = await (await new Client(server).login(s.login.admin)).socket()
    const board = await pairedBoard()
    // And an account disabled by hand: its socket trusted for the day snapshot until now.
    const hand = await (await new Client(server).login(s.login.teacher2)).socket()
    const cut2 = cut(hand)
    expect((await hand.emitWithAck('day:snapshot', {})).ok).toBe(true)
    await db.sql`delete from user_session where staff_id = ${s.staff.teacher1}`
    await db.sql`update staff set disabled_at = now() where id = ${s.staff.teacher2}`
    const q = await queriesOf(db.sql, () => server.sockets.sweep())
    expect(q.count, listing(q)).toBe(1)
    expect(await cut1).toEqual({ code: 'UNAUTHENTICATED' })
    expect(await cut2).toEqual({ code: 'UNAUTHENTICATED' })
    await db.sql`update staff set disabled_at = null where id = ${s.staff.teacher2}`
    expect(stays.connected && board.connected).toBe(true)
    expect((await stays.emitWithAck('heartbeat:ping', { sentAt: 1 })).ok).toBe(true)
    stays.disconnect()
    board.disconnect()
  }, 120_000)

  it('a session that expires is ended by the next heartbeat', async () => {
    const teacher = await new Client(server).login(s.login.teacher1)
    const socket = await teacher.socket()
    expect((await socket.emitWithAck('heartbeat:ping', { sentAt: 1 })).ok).toBe(true)
    const ended = nextEvent(socket, 'session:ended')
    server.clock.advance(15 * 24 * 3600_000) // staff sessions last 14 days
    try {
      const q = await queriesOf(db.sql, () => socket.emitWithAck('heartbeat:ping', { sentAt: 2 }))
      expect(q.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(q.count, listing(q)).toBe(0)
      expect(await ended).toEqual({ code: 'UNAUTHENTICATED' })
    } finally {
      server.clock.advance(-15 * 24 * 3600_000)
    }
  })
})

describe('a report read beside the lock it waited for', () => {
  it('reads the claims again when another report of the day committed meanwhile', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const [reason] = await db.sql<{ id: number; suggestedCodeId: number }[]>`select id, suggested_code_id from school_reason where id = ${reasonFever}`
    const day = { pupilId: s.pupils.jiro, date: '2026-12-01' }
    let sent!: Promise<{ status: number; body: any }>
    // Another report of the same pupil-day holds the school's lock; ours starts, waits for it, and sees the other only if it reads again.
    await db.sql.begin(async (tx) => {
      const [{ seq }] = (await tx<{ seq: number }[]>`update school set seq = seq + 1 where id = ${s.schoolId} returning seq`) as unknown as [{ seq: number }]
      await writeReport(tx, {
        schoolId: s.schoolId, seq, guardianId: s.guardians.suzuki, idempotencyKey: key(), requestHash: 'x', kind: 'absent',
        fromDate: day.date, toDate: day.date, reasonId: reason!.id, symptoms: [], temperature: null, time: null, message: '',
        submittedAt: new Date(server.clock.now()).toISOString(), days: [day], replaces: [], marks: [{ ...day, codeId: reason!.suggestedCodeId }],
      })
      sent = guardian.post('/api/guardian/reports', {
        idempotencyKey: key(), pupilIds: [day.pupilId], kind: 'absent', fromDate: day.date, toDate: day.date, reasonId: reasonFever,
      })
      if (db.mode === 'postgres') {
        // Commit only once our report's first statement is waiting for the lock (its view of the database is taken).
        for (let i = 0; i < 200; i++) {
          const [row] = await db.sql<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%with pupils as%'`
          if (row!.n > 0) break
          await new Promise((r) => setTimeout(r, 25))
        }
      }
    })
    const res = await sent
    expect(res.body.error?.code).toBe('REPORT_EXISTS')
    const [{ n }] = (await db.sql<{ n: number }[]>`
      select count(*)::int as n from guardian_report_day where pupil_id = ${day.pupilId} and date = ${day.date}`) as unknown as [{ n: number }]
    expect(n).toBe(1)
  })
})
