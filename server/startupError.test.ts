import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from './pages/buildInfo.js'
import { EXIT } from './startupError.js'

const dir = mkdtempSync(join(tmpdir(), 'asagao-start-'))
chmodSync(dir, 0o755)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Starts the real server entry with a data folder and returns how it ended. As root (which may
 * write anywhere) it runs as the unprivileged `postgres` user, as a service would.
 */
function start(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const node = [process.execPath, '--import', 'tsx', '-e', "import('./server/main.ts').then((m) => m.main())"]
  const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...node] : node
  const env = { PATH: process.env.PATH, ASAGAO_DATA_DIR: dataDir, ASAGAO_DEMO: 'off', PORT: '0', HOST: '127.0.0.1', ASAGAO_LOG: 'silent' }
  return new Promise((resolve) => {
    const child = execFile(cmd!, args, { cwd: ROOT, env, timeout: 60_000 }, (err, _stdout, stderr) => resolve({ code: child.exitCode ?? (err ? 1 : 0), stderr }))
  })
}

describe('start-up with a data folder it cannot use', () => {
  it('an unwritable folder ends the start with one line and exit code 3', async () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked, { mode: 0o555 })
    const { code, stderr } = await start(join(locked, 'data'))
    expect(code).toBe(EXIT.dataFolder)
    expect(stderr.trim().split('\n')).toEqual([`データフォルダに書き込む権限がありません / No permission to write the data folder: ${join(locked, 'data')}`])
  }, 90_000)

  it('a path through a file ends the start with one line and exit code 3', async () => {
    const file = join(dir, 'a-file')
    writeFileSync(file, 'x')
    const { code, stderr } = await start(join(file, 'data'))
    expect(code).toBe(EXIT.dataFolder)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('フォルダではありません')
  }, 90_000)
})
