import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStale } from '../build/build.mjs'
import { runNode, startServerProcess } from '../test/process.js'
import { rawRequest } from '../test/rawHttp.js'
import { ROOT } from './buildInfo.js'

/**
 * A deployment is `npm ci && npm run build && npm prune --omit=dev`, then `npm start`. This
 * builds, copies the install with only the production dependencies (linked from the shared
 * install), and runs it: the compiled server must not reach tsx, Vite, TypeScript or the pages'
 * libraries.
 */
describe('the built server without devDependencies', () => {
  let copy: string
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> }

  beforeAll(async () => {
    await buildStale()
    copy = mkdtempSync(join(tmpdir(), 'asagao-deploy-'))
    for (const part of ['dist', 'server', 'shared', 'kiosk', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json', 'tsconfig.build.json']) {
      cpSync(join(ROOT, part), join(copy, part), { recursive: true, filter: (src) => !src.includes('node_modules') })
    }
    for (const name of Object.keys(pkg.dependencies)) {
      mkdirSync(dirname(join(copy, 'node_modules', name)), { recursive: true })
      symlinkSync(join(ROOT, 'node_modules', name), join(copy, 'node_modules', name))
    }
  }, 300_000)
  afterAll(() => rmSync(copy, { recursive: true, force: true }))

  it('cannot resolve the build tools or the pages’ libraries from the copy', () => {
    const resolveFromServer = createRequire(join(copy, 'dist', 'server', 'main.js'))
    for (const dev of ['tsx', 'vite', 'typescript', 'lit']) expect(() => resolveFromServer.resolve(dev), dev).toThrow()
    expect(() => resolveFromServer.resolve('express')).not.toThrow()
  })

  it('starts with plain node through the start script and serves the built pages, precompressed', async () => {
    expect(pkg.scripts.start).toBe('node server/build/run.mjs start')
    // `npm start` runs the bundle: without the compiled entry module it still starts.
    rmSync(join(copy, 'dist', 'server', 'main.js'))
    const server = await startServerProcess(copy, ['server/build/run.mjs', 'start'], { ASAGAO_DATA_DIR: join(copy, 'data'), ASAGAO_DEMO: 'off' })
    try {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { db: string; build: string }
      const pagesBuild = (JSON.parse(readFileSync(join(copy, 'dist', 'kiosk', 'build-id.json'), 'utf8')) as { buildId: string }).buildId
      expect(health).toMatchObject({ db: 'embedded', build: pagesBuild })
      const board = await rawRequest(`${server.url}/board/`)
      expect(board.status).toBe(200)
      const entry = /<script type="module"[^>]+src="(\/assets\/[^"]+\.js)"/.exec(board.body.toString())?.[1]
      expect(entry).toBeDefined()
      const script = await rawRequest(`${server.url}${entry}`, { 'accept-encoding': 'gzip, deflate, br' })
      expect(script.headers['content-encoding']).toBe('br')
      expect(script.headers['cache-control']).toContain('immutable')
      expect(brotliDecompressSync(script.body).equals(readFileSync(join(copy, 'dist', 'kiosk', entry!)))).toBe(true)
    } finally {
      await server.stop()
    }
  }, 180_000)

  it('ships the production builds of the pages\' libraries, even when a test run made the build', () => {
    // This suite runs under vitest (NODE_ENV=test), as the browser tests' build does.
    const assets = join(copy, 'dist', 'kiosk', 'assets')
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8'))
    expect(scripts.length).toBeGreaterThan(5)
    expect(scripts.join('\n')).toContain('litHtmlVersions')
    expect(scripts.filter((js) => js.includes('Lit is in dev mode'))).toEqual([])
  })

  it('refuses to run a build older than its sources when it cannot rebuild, and says what to do', async () => {
    appendFileSync(join(copy, 'server', 'config.ts'), '\n// changed after the build\n')
    const { code, output } = await runNode(copy, ['server/build/run.mjs', 'start'], { ASAGAO_DATA_DIR: join(copy, 'data'), ASAGAO_DEMO: 'off' })
    expect(code).toBe(1)
    expect(output).toContain('npm ci && npm run build && npm prune --omit=dev')
  }, 60_000)
})
