import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { removeStaleSockets } from './embedded.js'

const dir = mkdtempSync(join(tmpdir(), 'asagao-sockets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('stale PGlite sockets', () => {
  it('are removed when their process is gone, and kept while it runs', () => {
    // A process that has exited: its pid names a socket nobody serves any more.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    const stale = `asagao-pglite-${dead}-0a1b2c3d.sock`
    const live = `asagao-pglite-${process.pid}-0a1b2c3d.sock`
    const other = 'something-else.sock'
    for (const f of [stale, live, other]) writeFileSync(join(dir, f), '')
    expect(removeStaleSockets(dir)).toEqual([stale])
    expect(readdirSync(dir).sort()).toEqual([live, other].sort())
    expect(existsSync(join(dir, stale))).toBe(false)
  })
})
