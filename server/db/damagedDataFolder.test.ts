import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../pages/buildInfo.js'
import { EXIT } from '../startupError.js'
import { runNode } from '../test/process.js'
import { connectEmbedded } from './embedded.js'
import { migrate } from './migrate.js'

const MAIN = ['--import', 'tsx', '-e', "import('./server/main.ts').then((m) => m.main())"]
const CLI = ['--import', 'tsx', 'server/backup/cli.ts']
const root = mkdtempSync(join(tmpdir(), 'asagao-damaged-'))
const dataDir = join(root, 'data')
const pgdata = join(dataDir, 'pgdata')
const env = { ASAGAO_DATA_DIR: dataDir, ASAGAO_DEMO: 'off', ASAGAO_BACKUP_KEEP: '0', ASAGAO_LOG: 'silent', TMPDIR: root, PORT: '0', HOST: '127.0.0.1' }
afterAll(() => rmSync(root, { recursive: true, force: true }))

// The embedded database's test pass only (without DATABASE_URL).
describe.skipIf(!!process.env.DATABASE_URL)('an embedded database whose files are damaged', () => {
  it('ends the start with the way back, and the documented recovery from a backup works', { timeout: 600_000 }, async () => {
    const db = await connectEmbedded({ dataDir: pgdata })
    await migrate(db.sql)
    await db.sql`insert into school (name) values ('壊れた小学校')`
    await db.close()
    const backupFile = join(root, 'backup.json.gz')
    const backup = await runNode(ROOT, [...CLI, 'backup', '--out', backupFile], env, 120_000)
    expect(backup.code, backup.output).toBe(0)

    // The control file overwritten, as a disk error or a careless copy would leave it.
    const control = join(pgdata, 'global', 'pg_control')
    writeFileSync(control, readFileSync(control).fill(7, 0, 64))
    const start = await runNode(ROOT, MAIN, env, 120_000)
    expect(start.code).toBe(EXIT.dataFolder)
    // PGlite prints its own lines first; the server's own word is the last line.
    expect(start.output.trim().split('\n').at(-1)).toBe(
      `データフォルダのデータベースを開けません。${pgdata} を別の名前に移し、${join(dataDir, 'backups')} の最新のバックアップを npm run restore -- ファイル で復元してください` +
        ` / The database in the data folder cannot be opened: move ${pgdata} aside and restore the newest backup in ${join(dataDir, 'backups')} with npm run restore -- FILE`,
    )

    // What the message says: move the files aside, restore the backup.
    renameSync(pgdata, `${pgdata}.damaged`)
    const restore = await runNode(ROOT, [...CLI, 'restore', backupFile], env, 120_000)
    expect(restore.code, restore.output).toBe(0)
    const back = await connectEmbedded({ dataDir: pgdata })
    try {
      expect(await back.sql`select name from school`).toEqual([{ name: '壊れた小学校' }])
    } finally {
      await back.close()
    }
  })
})
