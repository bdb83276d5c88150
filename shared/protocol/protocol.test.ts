import { describe, expect, it } from 'vitest'
import { CreateReportRequest, DaySnapshot, ERROR_MESSAGES, ErrorBody, errorBody, HandshakeAuth, IsoDate, SchoolSettings, TimeOfDay, clientCommands } from './index.js'

const valid = {
  idempotencyKey: 'abcdefghijklmnop', pupilIds: [1], kind: 'absent', fromDate: '2026-12-01', toDate: '2026-12-01', reasonId: 3,
}

describe('report request schema', () => {
  it('fills defaults and trims the message', () => {
    const r = CreateReportRequest.parse({ ...valid, message: '  熱があります \n' })
    expect(r).toMatchObject({ symptoms: [], temperature: null, time: null, message: '熱があります' })
  })
  it.each([
    ['no children', { pupilIds: [] }],
    ['too many children', { pupilIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
    ['a late report without a time', { kind: 'late' }],
    ['a late report over several days', { kind: 'late', time: '9:30', toDate: '2026-12-02' }],
    ['a backwards range', { fromDate: '2026-12-03' }],
    ['a non-existent date', { fromDate: '2026-13-01' }],
    ['a short idempotency key', { idempotencyKey: 'x' }],
    ['a temperature with two decimals', { temperature: 37.25 }],
    ['a negative id', { reasonId: -3 }],
    ['a float id', { pupilIds: [1.5] }],
  ])('refuses %s', (_n, patch) => {
    expect(CreateReportRequest.safeParse({ ...valid, ...patch }).success).toBe(false)
  })
})

describe('primitives', () => {
  it('accept real dates and times only', () => {
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true)
    expect(IsoDate.safeParse('2027-02-29').success).toBe(false)
    expect(TimeOfDay.safeParse('8:05').success).toBe(true)
    expect(TimeOfDay.safeParse('24:00').success).toBe(false)
    expect(TimeOfDay.safeParse('8:5').success).toBe(false)
  })
  it('gives settings their defaults', () => {
    expect(SchoolSettings.parse({})).toMatchObject({ rollCallTime: '8:30', boardShowsMessages: false, consecutiveAbsenceBadge: 3 })
  })
})

describe('errors and events', () => {
  it('every code has a Japanese and an English message', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(m.ja, code).toMatch(/[ぁ-んァ-ン一-龯]/)
      expect(m.en.length, code).toBeGreaterThan(3)
    }
    expect(ErrorBody.parse(errorBody('FORBIDDEN'))).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN.ja } })
  })
  it('socket commands validate their payloads', () => {
    expect(clientCommands['report:acknowledge'].payload.safeParse({ reportId: 'x' }).success).toBe(false)
    expect(clientCommands['day:snapshot'].payload.safeParse({ date: '2026-11-31' }).success).toBe(false)
    expect(HandshakeAuth.safeParse({ protocol: 1, buildId: 'b', client: 'admin' }).success).toBe(false)
  })
  it('a snapshot needs a sequence number', () => {
    expect(DaySnapshot.safeParse({ schoolId: 1 }).success).toBe(false)
  })
})
