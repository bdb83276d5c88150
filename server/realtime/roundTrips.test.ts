import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSnapshot } from '../day/snapshot.js'
import { countQueries, queriesOf, type QueryCount } from '../db/queryCount.js'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
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
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
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

  it('a snapshot of the day takes at most 3', async () => {
    const q = await queriesOf(db.sql, () => buildSnapshot(db.sql, { schoolId: s.schoolId, date: '2026-11-30', buildId: 'x', forBoard: false }))
    expect(q.result.entries.map((e) => e.pupilId)).toContain(s.pupils.taro)
    console.log(`snapshot: ${listing(q)}`)
    expect(q.count, listing(q)).toBeLessThanOrEqual(3)
    const board = await pairedBoard()
    const command = await queriesOf(db.sql, () => board.emitWithAck('day:snapshot', {}))
    expect(command.result.ok).toBe(true)
    console.log(`board's day:snapshot command: ${listing(command)}`)
    board.disconnect()
  })
})
