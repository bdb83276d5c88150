import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DayChanged, DayEntry, DaySnapshot, SafetyBoard, SafetyChanged, SchoolChanged } from '../../../shared/protocol/index.js'
import { DayController, type AppSocket, type PageChange } from './day-controller.js'

/** The part of a Socket.IO client socket the controller uses, driven by the test. */
class FakeSocket {
  connected = false
  active = true
  connects = 0
  readonly commands: string[] = []
  private handlers = new Map<string, ((...args: never[]) => void)[]>()

  constructor(private readonly server: FakeServer) {}

  on(name: string, fn: (...args: never[]) => void): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
    return this
  }
  removeAllListeners(): this {
    this.handlers.clear()
    return this
  }
  /** The server side: deliver an event or a connection fact to the page. */
  fire(name: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(name) ?? []) (fn as (...a: unknown[]) => void)(...args)
  }
  connect(): this {
    this.connects++
    this.connected = true
    this.fire('connect')
    return this
  }
  disconnect(): this {
    this.connected = false
    return this
  }
  timeout(_ms: number) {
    return {
      emitWithAck: async (name: string, payload: unknown) => {
        this.commands.push(name)
        return this.server.answer(name, payload)
      },
    }
  }
}

/** Answers the page's commands from the day the test sets up. */
class FakeServer {
  date = '2026-11-30'
  seq = 10
  entries: DayEntry[] = [entry(1, 'absent')]

  answer(name: string, payload: unknown): unknown {
    if (name === 'heartbeat:ping') return { ok: true, sentAt: (payload as { sentAt: number }).sentAt, serverTime: new Date().toISOString() }
    if (name === 'day:snapshot') return { ok: true, snapshot: this.snapshot() }
    throw new Error(`unexpected command ${name}`)
  }

  snapshot(): DaySnapshot {
    return {
      schoolId: 1, schoolName: 'テスト小学校', timeZone: 'Asia/Tokyo', date: this.date, isSchoolDay: true, seq: this.seq, buildId: 'dev',
      boardShowsMessages: false, showEraYear: false, dimBefore: '06:30', dimAfter: '19:00', rollCallTime: '08:30',
      consecutiveAbsenceBadge: 3, cumulativeAbsenceBadges: [10, 20], classes: [], entries: structuredClone(this.entries),
    }
  }
}

function entry(pupilId: number, status: DayEntry['status']): DayEntry {
  return {
    pupilId, classId: 1, attendanceNumber: pupilId, name: `児童${pupilId}`, kana: 'じどう', status, codeLabel: null, source: 'teacher',
    time: null, reports: [], consecutiveAbsences: null, cumulativeAbsences: null, updatedAt: '2026-11-30T08:00:00+09:00',
  }
}

const dayEvent = (seq: number, pupilId: number, status: DayEntry['status'] | null, date = '2026-11-30'): DayChanged => ({
  schoolId: 1, seq, changes: [{ date, pupilId, entry: status && entry(pupilId, status) }],
})
const schoolEvent = (seq: number, ...parts: SchoolChanged['parts']): SchoolChanged => ({ schoolId: 1, seq, parts })

let server: FakeServer
let socket: FakeSocket
let day: DayController
let changes: PageChange[]
const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) }

/** Lets the pending acks resolve without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0)
const snapshots = () => socket.commands.filter((c) => c === 'day:snapshot').length
const statuses = () => Object.fromEntries([...day.entries].map(([id, e]) => [id, e.status]))

beforeEach(async () => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-30T08:00:00+09:00'))
  vi.stubGlobal('__ASAGAO_BUILD_ID__', 'dev')
  server = new FakeServer()
  changes = []
  day = new DayController(host, {
    client: 'board',
    onChange: (c) => changes.push(c),
    connect: () => (socket = new FakeSocket(server)) as unknown as AppSocket,
  })
  day.hostConnected()
  socket.connect()
  await settle()
})
afterEach(() => {
  day.hostDisconnected()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('DayController against a fake socket', () => {
  it('takes a snapshot on connect and goes live', () => {
    expect(day.state).toBe('live')
    expect(day.snapshot?.seq).toBe(10)
    expect(statuses()).toEqual({ 1: 'absent' })
    expect(changes).toEqual([{ kind: 'snapshot' }])
  })

  it('applies a duplicate event once', () => {
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    expect(day.eventsApplied).toBe(1)
    expect(day.snapshot?.seq).toBe(11)
    expect(statuses()).toEqual({ 1: 'absent', 2: 'late' })
  })

  it('ignores events the snapshot already contains', () => {
    socket.fire('day:changed', dayEvent(9, 1, null))
    socket.fire('day:changed', dayEvent(10, 1, null))
    expect(day.eventsApplied).toBe(0)
    expect(statuses()).toEqual({ 1: 'absent' })
  })

  it('holds an early event and applies both in sequence order', async () => {
    // 12 says pupil 2 is back to present after 11 marked them late: the order decides the result.
    socket.fire('day:changed', dayEvent(12, 2, null))
    expect(day.eventsApplied).toBe(0)
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    expect(day.eventsApplied).toBe(2)
    expect(statuses()).toEqual({ 1: 'absent' })
    await vi.advanceTimersByTimeAsync(5000)
    expect(snapshots()).toBe(1)
  })

  it('takes a new snapshot when a hole does not fill within the grace time', async () => {
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    socket.fire('day:changed', dayEvent(13, 3, 'absent'))
    expect(statuses()).toEqual({ 1: 'absent', 2: 'late' })
    server.seq = 13
    server.entries = [entry(1, 'absent'), entry(2, 'late'), entry(3, 'absent'), entry(4, 'excused')]
    await vi.advanceTimersByTimeAsync(1499)
    expect(snapshots()).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(snapshots()).toBe(2)
    expect(day.snapshot?.seq).toBe(13)
    expect(statuses()).toEqual({ 1: 'absent', 2: 'late', 3: 'absent', 4: 'excused' })
  })

  it('takes a new snapshot when the server says the school is further on than the page and no event comes to show it', async () => {
    // The last event of the morning was lost between processes: no later event shows a hole.
    server.seq = 11
    server.entries = [entry(1, 'absent'), entry(2, 'late')]
    socket.fire('school:seq', { schoolId: 1, seq: 11 })
    await vi.advanceTimersByTimeAsync(1499)
    expect(snapshots()).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(snapshots()).toBe(2)
    expect(statuses()).toEqual({ 1: 'absent', 2: 'late' })
  })

  it('trusts the event still on its way when it comes within the grace, and ignores numbers it already has or another school’s', async () => {
    socket.fire('school:seq', { schoolId: 1, seq: 11 })
    socket.fire('school:seq', { schoolId: 1, seq: 10 })
    socket.fire('school:seq', { schoolId: 2, seq: 50 })
    await vi.advanceTimersByTimeAsync(500)
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    await vi.advanceTimersByTimeAsync(5000)
    expect(snapshots()).toBe(1)
    expect(day.snapshot?.seq).toBe(11)
  })

  it('does not let a stream of later events postpone the snapshot for a hole', async () => {
    socket.fire('day:changed', dayEvent(12, 2, 'late'))
    for (let seq = 13; seq < 20; seq++) {
      await vi.advanceTimersByTimeAsync(400)
      socket.fire('day:changed', dayEvent(seq, 2, 'late'))
    }
    expect(snapshots()).toBe(2)
  })

  it('switches to the new day at school-local midnight, and ignores the old day afterwards', async () => {
    day.checkDate(Date.now())
    expect(snapshots()).toBe(1)
    vi.setSystemTime(new Date('2026-12-01T00:00:05+09:00'))
    server.date = '2026-12-01'
    server.entries = []
    day.checkDate(Date.now())
    await settle()
    expect(snapshots()).toBe(2)
    expect(day.snapshot?.date).toBe('2026-12-01')
    expect(statuses()).toEqual({})
    socket.fire('day:changed', dayEvent(11, 5, 'absent', '2026-11-30'))
    expect(statuses()).toEqual({})
    expect(day.snapshot?.seq).toBe(11)
  })

  it('asks again at most every 20 s while the server still answers with the old date', async () => {
    vi.setSystemTime(new Date('2026-12-01T00:00:05+09:00'))
    day.checkDate(Date.now())
    await settle()
    expect(snapshots()).toBe(2)
    for (let i = 0; i < 19; i++) {
      await vi.advanceTimersByTimeAsync(1000)
      day.checkDate(Date.now())
    }
    expect(snapshots()).toBe(2)
    await vi.advanceTimersByTimeAsync(1000)
    day.checkDate(Date.now())
    await settle()
    expect(snapshots()).toBe(3)
  })

  it('reconnects after a server restart and takes a fresh snapshot instead of trusting its old data', async () => {
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    socket.connected = false
    socket.fire('disconnect', 'io server disconnect')
    expect(day.state).toBe('offline')
    // While the server was down, pupil 2 was taken back and pupil 3 marked: events the page never saw.
    server.seq = 15
    server.entries = [entry(1, 'absent'), entry(3, 'not_arrived')]
    await vi.advanceTimersByTimeAsync(30_000)
    expect(socket.connects).toBe(2)
    expect(day.state).toBe('live')
    expect(snapshots()).toBe(2)
    expect(statuses()).toEqual({ 1: 'absent', 3: 'not_arrived' })
    socket.fire('day:changed', dayEvent(16, 3, 'late'))
    expect(statuses()).toEqual({ 1: 'absent', 3: 'late' })
  })

  it('after an announced restart, says so calmly and is back within seconds with a fresh snapshot', async () => {
    socket.fire('server:restarting', {})
    expect(day.restarting).toBe(true)
    socket.connected = false
    socket.fire('disconnect', 'io server disconnect')
    expect(day.state).toBe('offline')
    expect(day.restarting).toBe(true)
    server.seq = 12
    await vi.advanceTimersByTimeAsync(3_000)
    expect(socket.connects).toBe(2)
    expect(day.state).toBe('live')
    expect(day.restarting).toBe(false)
    expect(snapshots()).toBe(2)
  })

  it('resnapshots for a school change the day shows, in its place in the sequence', async () => {
    socket.fire('school:changed', schoolEvent(12, 'calendar'))
    expect(snapshots()).toBe(1)
    server.seq = 12
    server.entries = [entry(1, 'excused')]
    socket.fire('day:changed', dayEvent(11, 2, 'late'))
    await settle()
    expect(snapshots()).toBe(2)
    expect(statuses()).toEqual({ 1: 'excused' })
    expect(changes).toEqual([{ kind: 'snapshot' }, { kind: 'pupils', dates: ['2026-11-30'] }, { kind: 'school', parts: ['calendar'] }, { kind: 'snapshot' }])
  })

  it('only moves its sequence on for a school change the day does not show', async () => {
    socket.fire('school:changed', schoolEvent(11, 'guardians'))
    socket.fire('day:changed', dayEvent(12, 2, 'late'))
    await settle()
    expect(snapshots()).toBe(1)
    expect(day.snapshot?.seq).toBe(12)
    expect(changes.at(-2)).toEqual({ kind: 'school', parts: ['guardians'] })
  })

  it('applies 安否確認 tallies in their place in the sequence, and leaves safety mode when closed', async () => {
    const tally = (answered: number): SafetyBoard => ({
      id: 5, template: 'drill', situation: 'out_of_school', drill: true, title: '安否確認訓練', message: '', startedAt: '2026-11-30T00:00:00.000Z',
      startedBy: '小林 先生', closedAt: null, reminderEveryMinutes: null, reminders: 0, lastReminderAt: null,
      classes: [{ classId: 1, label: '1年1組', grade: 1, targets: 2, answered, safe: answered, support: 0, unanswered: 2 - answered }],
      totals: { targets: 2, answered, safe: answered, support: 0, unanswered: 2 - answered },
    })
    const safety = (seq: number, board: SafetyBoard | null): SafetyChanged => ({ schoolId: 1, seq, confirmationId: 5, safety: board })
    socket.fire('safety:changed', safety(12, tally(1)))
    socket.fire('safety:changed', safety(11, tally(0)))
    await settle()
    expect(snapshots()).toBe(1)
    expect(day.snapshot?.seq).toBe(12)
    expect(day.snapshot?.safety?.totals.answered).toBe(1)
    socket.fire('safety:changed', safety(13, null))
    await settle()
    expect(day.snapshot?.safety).toBeNull()
    expect(changes.filter((c) => c.kind === 'safety')).toHaveLength(3)
  })
})
