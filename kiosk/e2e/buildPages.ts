import { join } from 'node:path'
import { build } from 'vite'
import { readBuildInfo, ROOT, sourceHash } from '../../server/pages/buildInfo.js'

/** Builds the pages once before the journeys, unless the build on disk is current. */
export default async function setup() {
  if (readBuildInfo()?.buildId === sourceHash()) return
  await build({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), logLevel: 'warn' })
}
