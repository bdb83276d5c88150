import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import { inject } from 'vitest'
import { connectPostgres } from '../db/connect.js'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import type { Database } from '../db/types.js'

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when DATABASE_URL
 * is set, otherwise an in-memory PGlite cloned from the migrated template. Dropped on close.
 */
export async function testDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const template = inject('embeddedTemplate')
    return connectEmbedded(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {})
  }
  return freshPostgresDatabase(url)
}

/** A new, migrated PostgreSQL database on the server of `url`, dropped on close: no test sees another run's rows. */
export async function freshPostgresDatabase(url: string): Promise<Database & { url: string }> {
  const name = `asagao_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const dbUrl = new URL(url)
  dbUrl.pathname = `/${name}`
  const db = await connectPostgres(dbUrl.toString(), 4)
  await migrate(db.sql)
  return {
    ...db,
    /** Its own address, for a second pool or a server process on the same database. */
    url: dbUrl.toString(),
    async close() {
      await db.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
