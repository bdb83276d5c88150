import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from './server.js'

const FIXTURES = join(import.meta.dirname, '..', 'roster', 'fixtures')

/** A committed roster fixture's bytes, exactly as a school's export would send them. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

/** Posts raw bytes (a CSV file) as the admin page does. */
export async function postBytes(client: Client, path: string, bytes: Uint8Array): Promise<{ status: number; body: any }> {
  const res = await fetch(client.server.url + path, {
    method: 'POST',
    headers: { origin: client.server.url, 'content-type': 'text/csv', ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: new Blob([new Uint8Array(bytes)]),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}
