import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../shared/protocol/index.js'
import { ROOT } from '../pages/buildInfo.js'
import { EXIT } from '../startupError.js'
import { liveSchool, type LiveSchool } from '../test/liveSchool.js'
import { runNode, startServerProcess } from '../test/process.js'
import { Client } from '../test/server.js'
import { connectEmbedded } from './embedded.js'
import { migrate } from './migrate.js'

const MAIN = ['--import', 'tsx', '-e', "import('./server/main.ts').then((m) => m.main())"]
const root = mkdtempSync(join(tmpdir(), 'asagao-disk-'))
const mnt = join(root, 'mnt')
mkdirSync(mnt)

/** A small disk of the test's own: a tmpfs, which needs root and a machine that allows mounts. */
function mountSmallDisk(): boolean {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m,mode=0755', 'tmpfs', mnt], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}
// The embedded database's test pass only (without DATABASE_URL): the server writes to the data folder.
const mounted = !process.env.DATABASE_URL && mountSmallDisk()
const dataDir = join(mnt, 'data')
const filler = join(mnt, 'filler')
let school: LiveSchool

/** Fills the disk to the last block. */
function fillDisk(): void {
  const fd = openSync(filler, 'a')
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 1)
      try {
        for (;;) writeSync(fd, chunk)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
      }
    }
  } finally {
    closeSync(fd)
  }
}
const freeDisk = () => rmSync(filler, { force: true })

beforeAll(async () => {
  if (!mounted) return
  const db = await connectEmbedded({ dataDir: join(dataDir, 'pgdata') })
  await migrate(db.sql)
  school = await liveSchool(db.sql, 'disk')
  await db.close()
}, 120_000)
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mnt])
  rmSync(root, { recursive: true, force: true })
})

const env = () => ({ ASAGAO_DATA_DIR: dataDir, ASAGAO_DEMO: 'off', ASAGAO_BACKUP_KEEP: '0', ASAGAO_LOG: 'info', TMPDIR: root })

describe.skipIf(!mounted)('a full disk under the embedded database (a 160 MiB tmpfs)', () => {
  it('reports are refused with 503 STORAGE_FULL until space is freed, never acknowledged unstored; /readyz says the disk is full', { timeout: 600_000 }, async () => {
    const s = school
    const server = await startServerProcess(ROOT, MAIN, env())
    try {
      const guardian = await new Client(server).login(s.login.suzuki)
      const report = (n: number) => ({
        idempotencyKey: `disk-${String(n).padStart(6, '0')}-full-xxxx`, pupilIds: [s.pupils.taro], kind: 'absent',
        fromDate: s.reportDate, toDate: s.reportDate, reasonId: s.reasonId, message: `disk-${n}`, mode: 'add',
      })
      expect((await guardian.post('/api/guardian/reports', report(0))).status).toBe(201)
      const acknowledged = ['disk-0']

      fillDisk()
      const ready = await fetch(server.url + '/readyz')
      expect(ready.status).toBe(503)
      expect(((await ready.json()) as { checks: { disk: { ok: boolean } } }).checks.disk.ok).toBe(false)
      expect((await fetch(server.url + '/healthz')).status).toBe(200)

      // A report may still fit in pages the database already has; sooner or later one needs a new page.
      let refused: { n: number; body: any } | null = null
      for (let n = 1; n <= 400 && !refused; n++) {
        const res = await guardian.post('/api/guardian/reports', report(n))
        if (res.status === 201) acknowledged.push(`disk-${n}`)
        else refused = { n, body: res.body }
        if (res.status !== 201) expect(res.status).toBe(503)
      }
      expect(refused, 'no report was refused on a full disk').not.toBeNull()
      expect(refused!.body.error).toEqual({ code: 'STORAGE_FULL', message: ERROR_MESSAGES.STORAGE_FULL.ja, requestId: expect.any(String) })
      // Reading still works.
      const list = await guardian.get('/api/guardian/reports')
      expect(list.status).toBe(200)
      expect(JSON.stringify(list.body)).not.toContain(`"disk-${refused!.n}"`)

      freeDisk()
      expect((await fetch(server.url + '/readyz')).status).toBe(200)
      const retried = await guardian.post('/api/guardian/reports', report(refused!.n))
      expect(retried.status).toBe(201)
      acknowledged.push(`disk-${refused!.n}`)
      await server.stop()
      expect(server.output()).not.toMatch(/uncaught exception|unhandled rejection|"lvl":"error"/)

      const db = await connectEmbedded({ dataDir: join(dataDir, 'pgdata') })
      try {
        const rows = await db.sql<{ message: string; n: number }[]>`
          select message, count(*)::int as n from guardian_report where message like 'disk-%' group by message order by message`
        expect(rows.filter((r) => r.n !== 1)).toEqual([])
        expect(rows.map((r) => r.message).sort()).toEqual([...acknowledged].sort())
        console.log(`full disk: ${acknowledged.length - 2} reports still fitted after the disk filled, report ${refused!.n} refused with STORAGE_FULL, stored once on retry`)
      } finally {
        await db.close()
      }
    } finally {
      await server.stop()
      freeDisk()
    }
  })

  it('a full or read-only data folder ends the start with one line and exit code 3', { timeout: 300_000 }, async () => {
    fillDisk()
    try {
      const full = await runNode(ROOT, MAIN, env(), 120_000)
      expect(full.code).toBe(EXIT.dataFolder)
      expect(full.output.trim().split('\n')).toEqual([`データフォルダのディスクがいっぱいです / The data folder's disk is full: ${dataDir}`])
    } finally {
      freeDisk()
    }
    execFileSync('mount', ['-o', 'remount,ro', mnt])
    try {
      const readOnly = await runNode(ROOT, MAIN, env(), 120_000)
      expect(readOnly.code).toBe(EXIT.dataFolder)
      expect(readOnly.output.trim().split('\n')).toEqual([`データフォルダが読み取り専用です / The data folder is read-only: ${dataDir}`])
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt])
    }
  })
})
