import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { precompressDir } from '../server/pages/precompress.js'
import { PARTS, sourceHash, stampFile } from '../server/build/sources.mjs'
import { pageShell } from './pageShell.js'
import { precompiledCatalogues } from './precompiledCatalogues.js'

const root = import.meta.dirname
/** The guardian pages' service worker: its own entry, built to /guardian/sw.js. */
const SERVICE_WORKER = 'guardian-sw'

/**
 * Stamps every build with the hash of its sources: pages send it in the socket handshake and
 * compare it with the server's, and `npm start` rebuilds only when it changed.
 */
function buildId(): Plugin {
  const id = sourceHash('pages')
  return {
    name: 'asagao-build-id',
    // The dev server changes under the page all the time; 'dev' switches the reload check off.
    config: (_c, env) => ({ define: { __ASAGAO_BUILD_ID__: JSON.stringify(env.command === 'serve' ? 'dev' : id) } }),
    closeBundle: () => writeFileSync(stampFile('pages'), JSON.stringify({ buildId: id })),
  }
}

/** Brotli and gzip copies of every text file, written once per build for the server to send as they are. */
function precompress(): Plugin {
  return { name: 'asagao-precompress', apply: 'build', closeBundle: () => precompressDir(PARTS.pages.out) }
}

export default defineConfig({
  root,
  base: '/',
  plugins: [pageShell(), precompiledCatalogues(), buildId(), precompress()],
  build: {
    outDir: PARTS.pages.out,
    emptyOutDir: true,
    target: 'es2022',
    // Browsers without <link rel="modulepreload"> (Safari before 17) still load every chunk, only
    // later; the polyfill would be one more script on every page with a lazy chunk.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: join(root, 'index.html'),
        board: join(root, 'board', 'index.html'),
        teacher: join(root, 'teacher', 'index.html'),
        guardian: join(root, 'guardian', 'index.html'),
        admin: join(root, 'admin', 'index.html'),
        join: join(root, 'join', 'index.html'),
        register: join(root, 'register', 'index.html'),
        guidance: join(root, 'guidance', 'index.html'),
        calendar: join(root, 'calendar', 'index.html'),
        setup: join(root, 'setup', 'index.html'),
        safety: join(root, 'safety', 'index.html'),
        city: join(root, 'city', 'index.html'),
        surveys: join(root, 'surveys', 'index.html'),
        [SERVICE_WORKER]: join(root, 'src', 'guardian', 'sw.ts'),
      },
      output: {
        // The worker keeps one address across builds (browsers update it in place); the rest are hashed.
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER ? 'guardian/sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
})
