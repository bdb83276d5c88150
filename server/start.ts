import { join } from 'node:path'
import { main } from './main.js'
import { readBuildInfo, ROOT, sourceHash } from './pages/buildInfo.js'

/** `npm start`: build the pages when their sources changed since the last build, then run. */
async function start(): Promise<void> {
  const wanted = sourceHash()
  if (readBuildInfo()?.buildId !== wanted) {
    console.log('Building the pages…')
    const { build } = await import('vite')
    await build({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), logLevel: 'warn' })
  }
  await main()
}

await start()
