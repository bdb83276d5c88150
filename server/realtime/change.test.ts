import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SchoolPart } from '../../shared/protocol/index.js'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/types.js'
import { createSchool, createSchoolYear, createStaff } from '../data/schoolSetup.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { fixture, postBytes } from '../test/upload.js'

let db: Database
let server: TestServer
let s: SmallSchool
let admin: Client
let teacher: TestSocket
let board: TestSocket

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'live')
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
  admin = await new Client(server).login(s.login.admin)
  teacher = await (await new Client(server).login(s.login.teacher1)).socket()
  board = await pairedBoard(admin)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

async function pairedBoard(by: Client): Promise<TestSocket> {
  const created = await by.post('/api/admin/board-devices', { name: '職員室モニター' })
  const device = new Client(server)
  expect((await device.post('/api/board/pair', { code: created.body.pairingCode })).status).toBe(200)
  return device.socket('board')
}

async function seqOf(schoolId: number): Promise<number> {
  const [row] = await db.sql<{ seq: number }[]>`select seq::int as seq from school where id = ${schoolId}`
  return row!.seq
}

async function reasonId(schoolId: number): Promise<number> {
  const [row] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${schoolId} and active order by sort_order limit 1`
  return row!.id
}

const ok = (res: { status: number; body: unknown }) => {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
  return res
}

const phone = () => new Client(server)
let letterCode = ''
let siblingCode = ''
let pairingCode = ''

/** Each kind of change outside pupil-days, made as the pages make it. */
const kinds: [string, SchoolPart | SchoolPart[], () => Promise<unknown>][] = [
  ['a vacation', 'calendar', async () => ok(await admin.post('/api/calendar/days', { from: '2026-12-24', to: '2026-12-25', kind: 'closed', label: '冬季休業' }))],
  ['a Saturday class day', 'calendar', async () => ok(await admin.post('/api/calendar/days', { from: '2026-12-05', to: '2026-12-05', kind: 'extra_school_day', label: '土曜授業' }))],
  ['a class closure', 'calendar', async () => ok(await admin.post('/api/calendar/closures', { classId: s.classes.c1, from: '2026-12-01', to: '2026-12-02', label: 'インフルエンザ' }))],
  ['a closure removed', 'calendar', async () => {
    const [c] = await db.sql<{ id: number }[]>`select id from class_closure where school_id = ${s.schoolId} order by id desc limit 1`
    ok(await admin.post(`/api/calendar/closures/${c!.id}/delete`))
  }],
  ['a school event', 'calendar', async () => ok(await admin.post('/api/calendar/events', { from: '2026-12-10', to: '2026-12-10', title: '音楽会', visibleToGuardians: true }))],
  ['a school event removed', 'calendar', async () => {
    const [e] = await db.sql<{ id: number }[]>`select id from calendar_event where school_id = ${s.schoolId} order by id desc limit 1`
    ok(await admin.post(`/api/calendar/events/${e!.id}/delete`))
  }],
  ['the settings and reasons', 'settings', async () => {
    const { body } = await admin.get('/api/admin/settings')
    ok(await admin.request('PUT', '/api/admin/settings', { name: body.name, settings: { ...body.settings, consecutiveAbsenceBadge: 4 }, reasons: body.reasons }))
  }],
  ['the notice template', 'settings', async () => ok(await admin.post('/api/office/notice-template', { subject: '{児童名}さんが登校していません', body: '{学校名}です。{児童名}さんが登校していません。{リンク}' }))],
  ['an attendance code', 'codes', async () => ok(await admin.post('/api/admin/codes', { code: 'absent_weather', label: '欠席(自然災害)', shortLabel: '災', onSite: false, countsAbsent: true, excused: false }))],
  // A new year brings its roster and its calendar (vacations and holidays from the template).
  ['a new school year', ['calendar', 'roster'], async () => ok(await admin.post('/api/admin/years', { fiscalYear: 2027 }))],
  ['a staff account', 'staff', async () => ok(await admin.post('/api/admin/staff', { loginId: 'live-new', password: 'first-pass-1', familyName: '新井', givenName: '先生', roles: ['teacher'], homeroomClassIds: [] }))],
  ['a homeroom given', 'staff', async () => ok(await admin.request('PUT', `/api/admin/staff/${await staffId('live-new')}`, { familyName: '新井', givenName: '先生', roles: ['teacher'], homeroomClassIds: [s.classes.c2] }))],
  ['an account disabled', 'staff', async () => ok(await admin.post(`/api/admin/staff/${await staffId('live-new')}/disable`))],
  ['an account enabled', 'staff', async () => ok(await admin.post(`/api/admin/staff/${await staffId('live-new')}/enable`))],
  ['a registration letter printed', 'guardians', async () => {
    letterCode = (await admin.post('/api/admin/registration/letters', { pupilIds: [s.pupils.other] })).body.letters[0].code
  }],
  ['a guardian registers', 'guardians', async () => {
    ok(await phone().post('/api/registration', { code: letterCode, familyName: '佐藤', givenName: '花', loginId: 'live-sato', password: 'sato-pass-1' }))
  }],
  ["a sibling's letter printed", 'guardians', async () => {
    siblingCode = (await admin.post('/api/admin/registration/letters', { pupilIds: [s.pupils.hanako] })).body.letters[0].code
  }],
  ['a guardian adds a sibling', 'guardians', async () => {
    ok(await (await phone().login('live-sato', 'sato-pass-1')).post('/api/registration/add-child', { code: siblingCode }))
  }],
  ['a guardian unlinked', 'guardians', async () => {
    const [g] = await db.sql<{ id: number }[]>`select id from guardian where login_id = 'live-sato'`
    ok(await admin.post(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians/${g!.id}/unlink`))
  }],
  ['a display added', 'devices', async () => {
    const res = await admin.post('/api/admin/board-devices', { name: '保健室' })
    ok(res)
    pairingCode = res.body.pairingCode
  }],
  ['a display paired', 'devices', async () => ok(await phone().post('/api/board/pair', { code: pairingCode }))],
  ['a display removed', 'devices', async () => {
    const [d] = await db.sql<{ id: number }[]>`select id from board_device where school_id = ${s.schoolId} and name = '保健室'`
    ok(await admin.post(`/api/admin/board-devices/${d!.id}/revoke`))
  }],
  ['a guidance note', 'guidance', async () => ok(await (await new Client(server).login(s.login.vp)).post(`/api/guidance/notes/${s.pupils.jiro}`, { memo: '家庭訪問', longAbsenceReason: null, reportedToBoard: false }))],
]

async function staffId(loginId: string): Promise<number> {
  const [row] = await db.sql<{ id: number }[]>`select id from staff where login_id = ${loginId}`
  return row!.id
}

describe('every change outside pupil-days reaches the open pages', () => {
  it.each(kinds)('%s', async (_name, part, act) => {
    const before = await seqOf(s.schoolId)
    const toTeacher = nextEvent(teacher, 'school:changed')
    const toBoard = nextEvent(board, 'school:changed')
    await act()
    const expected = { schoolId: s.schoolId, seq: before + 1, parts: [part].flat() }
    expect(await toTeacher).toEqual(expected)
    expect(await toBoard).toEqual(expected)
    expect(await seqOf(s.schoolId)).toBe(before + 1)
  })

  it('a roster import', async () => {
    const schoolId = await createSchool(db.sql, { name: '名簿小学校' })
    await createSchoolYear(db.sql, schoolId, 2026)
    await createStaff(db.sql, { schoolId, loginId: 'live-roster', passwordHash: await hashPassword(PASSWORD), familyName: '管理', givenName: '者', roles: ['admin'] })
    const rosterAdmin = await new Client(server).login('live-roster')
    const listener = await rosterAdmin.socket()
    const event = nextEvent(listener, 'school:changed')
    ok(await postBytes(rosterAdmin, '/api/admin/roster/apply?createClasses=1', fixture('roster-utf8-lf.csv')))
    expect(await event).toEqual({ schoolId, seq: 1, parts: ['roster'] })
    listener.disconnect()
  })

  it('a refused change takes no number and publishes nothing', async () => {
    const before = await seqOf(s.schoolId)
    const next = nextEvent(teacher, 'school:changed')
    expect((await admin.post('/api/calendar/events/999999/delete')).status).toBe(404)
    expect((await admin.post('/api/admin/codes', { code: 'absent_weather', label: '重複', shortLabel: '重', onSite: false, countsAbsent: true, excused: false })).body.error.code).toBe('CODE_EXISTS')
    expect(await seqOf(s.schoolId)).toBe(before)
    ok(await admin.post('/api/calendar/events', { from: '2026-12-11', to: '2026-12-11', title: '避難訓練', visibleToGuardians: false }))
    // The first event after the refusals is the next number: nothing was sent in between.
    expect((await next).seq).toBe(before + 1)
  })
})

describe('many writers of one school at once', () => {
  it('every open page receives every sequence number exactly once and in order', async () => {
    const listeners = [teacher, board, await (await new Client(server).login(s.login.teacher2)).socket(), await (await new Client(server).login(s.login.vp)).socket()]
    const staffWriters = [listeners[3]!, await admin.socket()]
    const guardians = [await new Client(server).login(s.login.suzuki), await new Client(server).login(s.login.tanaka)]
    const reason = await reasonId(s.schoolId)
    const before = await seqOf(s.schoolId)

    const writes: (() => Promise<unknown>)[] = []
    for (let i = 0; i < 20; i++) {
      const pupilId = [s.pupils.taro, s.pupils.hanako, s.pupils.jiro, s.pupils.other][i % 4]!
      writes.push(async () => expect(await staffWriters[i % 2]!.emitWithAck('report:phone', { pupilId, kind: 'late', reasonId: reason, time: `09:${String(i).padStart(2, '0')}`, message: '' })).toEqual({ ok: true }))
    }
    for (let i = 0; i < 16; i++) {
      const [guardian, pupilIds] = i % 2 === 0 ? [guardians[0]!, [s.pupils.taro, s.pupils.jiro]] : [guardians[1]!, [s.pupils.hanako]]
      writes.push(async () => ok(await guardian.post('/api/guardian/reports', { idempotencyKey: `live-many-writers-${String(i).padStart(4, '0')}`, pupilIds, kind: 'absent', fromDate: '2026-12-03', toDate: '2026-12-03', reasonId: reason, mode: 'add' })))
    }
    for (let i = 0; i < 4; i++) {
      writes.push(async () => ok(await admin.post('/api/calendar/events', { from: '2026-12-14', to: '2026-12-14', title: `行事${i}`, visibleToGuardians: false })))
    }
    const total = writes.length

    const received = listeners.map((socket) => collect(socket, total))
    await Promise.all(writes.map((w) => w()))
    const expected = Array.from({ length: total }, (_, i) => before + i + 1)
    for (const seqs of await Promise.all(received)) expect(seqs).toEqual(expected)
    expect(await seqOf(s.schoolId)).toBe(before + total)
  })
})

/** The sequence numbers of the next `count` events (of both kinds) a socket receives, as they arrive. */
function collect(socket: TestSocket, count: number): Promise<number[]> {
  const seqs: number[] = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seqs.length} of ${count} events: ${seqs.join(',')}`)), 25_000)
    const on = (e: { seq: number }) => {
      seqs.push(e.seq)
      if (seqs.length < count) return
      clearTimeout(timer)
      socket.off('day:changed', on)
      socket.off('school:changed', on)
      resolve(seqs)
    }
    socket.on('day:changed', on)
    socket.on('school:changed', on)
  })
}
