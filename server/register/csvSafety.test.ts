import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/types.js'
import { decodeRoster } from '../roster/decode.js'
import { createSchool, createSchoolYear, createStaff } from '../data/schoolSetup.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { postBytes } from '../test/upload.js'
import { neutraliseFormula } from './csv.js'

let db: Database
let server: TestServer
let admin: Client

beforeAll(async () => {
  db = await testDatabase()
  const schoolId = await createSchool(db.sql, { name: '安全小学校' })
  await createSchoolYear(db.sql, schoolId, 2026)
  await createStaff(db.sql, { schoolId, loginId: 'csv-admin', passwordHash: await hashPassword(PASSWORD), familyName: '管理', givenName: '者', roles: ['admin'] })
  server = await startTestServer(db)
  admin = await new Client(server).login('csv-admin')
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('formula cells', () => {
  it('are prefixed with an apostrophe; other text and numbers are left alone', () => {
    const table: [string | number | null, string][] = [
      ['=1+2', "'=1+2"],
      ['+81 90', "'+81 90"],
      ['-ハイフン', "'-ハイフン"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'\r=1"],
      ['鈴木 太郎', '鈴木 太郎'],
      ['1+2', '1+2'],
      ['a=b', 'a=b'],
      ['', ''],
      [-3, '-3'],
      [12, '12'],
      [null, ''],
    ]
    for (const [input, want] of table) expect(neutraliseFormula(input)).toBe(want)
  })
})

/** Every cell of a CSV text, parsed as a spreadsheet would read it. */
const cells = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat()
const dangerous = (cell: string) => /^[=+\-@\t\r]/.test(cell)

describe('import → export round trip', () => {
  it('exports injected cells neutralised in the roster (UTF-8 BOM) and the register (UTF-8 BOM and Shift_JIS)', async () => {
    const roster = [
      '学年,組,出席番号,氏名,ふりがな,保護者氏名,児童番号',
      `1,=A1,1,"=HYPERLINK(""http://evil.example"") 太郎",-はいふん たろう,@SUM(1+1),+819000000000`,
      '1,=A1,2,山田 花子,やまだ はなこ,山田 一郎,A-2',
    ].join('\r\n') + '\r\n'
    const bytes = Buffer.from(roster, 'utf8')
    const preview = await postBytes(admin, '/api/admin/roster/preview?createClasses=1', bytes)
    expect(preview.body.problems).toEqual([])
    const applied = await postBytes(admin, `/api/admin/roster/apply?createClasses=1&digest=${preview.body.digest}`, bytes)
    expect(applied.status).toBe(200)

    const exported = await fetch(server.url + '/api/admin/roster/export', { headers: { cookie: admin.cookie } })
    const rosterBytes = new Uint8Array(await exported.arrayBuffer())
    expect([...rosterBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rosterCells = cells(decodeRoster(rosterBytes).text)
    expect(rosterCells).toEqual(expect.arrayContaining(["'=A1", `'=HYPERLINK("http://evil.example") 太郎`, "'-はいふん たろう", "'@SUM(1+1)", "'+819000000000", 'A-2']))
    expect(rosterCells.filter(dangerous)).toEqual([])

    const [cls] = await db.sql<{ id: number }[]>`select id from school_class where name = '=A1'`
    for (const [encoding, decode] of [['utf8', (b: Buffer) => b.subarray(3).toString('utf8')], ['sjis', (b: Buffer) => iconv.decode(b, 'cp932')]] as const) {
      const res = await fetch(`${server.url}/api/register/month.csv?classId=${cls!.id}&month=2026-11&encoding=${encoding}`, { headers: { cookie: admin.cookie } })
      expect(res.status).toBe(200)
      const text = decode(Buffer.from(await res.arrayBuffer()))
      const registerCells = cells(text)
      expect(registerCells, encoding).toContain(`'=HYPERLINK("http://evil.example") 太郎`)
      expect(registerCells.filter(dangerous), encoding).toEqual([])
    }
  })
})
