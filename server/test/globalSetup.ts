import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string | null
  }
}

/**
 * Embedded mode: migrate one PGlite database once and hand its data folder to every test file
 * as a dump to start from (initdb and migrations once, not per file). PostgreSQL mode needs
 * nothing here: each file creates its own database.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('embeddedTemplate', null)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'asagao-template-'))
  const db = await connectEmbedded()
  await migrate(db.sql)
  const dump = await db.pglite.dumpDataDir('none')
  await db.close()
  const file = join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('embeddedTemplate', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
