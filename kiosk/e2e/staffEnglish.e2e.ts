import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCityAdmin, createOrganisation } from '../../server/data/organisations.js'
import { hashPassword } from '../../server/auth/password.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/**
 * Every staff page opened by an English browser shows English: nothing Japanese is left on it
 * but the school's own data (names, classes, the school's codes and reasons, what people wrote),
 * which the database holds; a page's words the catalogues missed would show up here.
 */

const e2e = journey()
/** Runs of Japanese script: what a leftover is made of. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+/g
let data = new Set<string>()
/** Classes by the full name the school uses (1年1組), which no table holds as one string. */
let classNames: string[] = []

beforeAll(async () => {
  const sql = e2e.server.db.sql
  const city = await createOrganisation(sql, { kind: 'municipality', name: '検査市' })
  await createCityAdmin(sql, { organisationId: city, loginId: 'e2e-city-en', passwordHash: await hashPassword(PASSWORD), familyName: '検査市', givenName: '教委' })
  await sql`update school set organisation_id = ${city} where id = ${e2e.server.school.schoolId}`
  // A guardian's report with its reason and symptoms, so the day has an entry and a thread to show.
  const [fever] = await sql<{ id: number }[]>`select id from school_reason where school_id = ${e2e.server.school.schoolId} and label = '発熱'`
  const guardian = await new Client(e2e.server).login(e2e.server.school.login.tanaka)
  expect((await guardian.post('/api/guardian/reports', {
    idempotencyKey: 'e2e-staff-english-0001', pupilIds: [e2e.server.school.pupils.hanako], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
    reasonId: fever!.id, symptoms: ['発熱'], temperature: 38.2, message: '熱があります',
  })).status).toBe(201)
})

/** Every run of Japanese in the database's rows: the school's data, which a page shows as it is. */
async function japaneseInDatabase(): Promise<Set<string>> {
  const sql = e2e.server.db.sql
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
  const runs = new Set<string>()
  for (const { name } of tables) {
    for (const row of await sql.unsafe(`select t::text as v from "${name}" t`)) {
      for (const run of String(row.v).match(JAPANESE) ?? []) runs.add(run)
    }
  }
  return runs
}

/** The Japanese text a page shows (text, labels, titles, placeholders), in shadow roots too, outside what is marked `lang="ja"`. */
function japaneseOnPage(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const japanese = new RegExp(pattern)
    const found: string[] = []
    const inJapanese = (el: Element | null) => !!el?.closest('[lang="ja"]')
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement
          if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName) || inJapanese(parent)) continue
          if (japanese.test(node.textContent ?? '')) found.push(node.textContent!.trim())
        } else if (node instanceof Element) {
          if (!inJapanese(node)) {
            for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
              const value = node.getAttribute(attribute)
              if (value && japanese.test(value)) found.push(`[${attribute}] ${value}`)
            }
          }
          if (node.shadowRoot) visit(node.shadowRoot)
        }
      }
    }
    visit(document.documentElement)
    if (japanese.test(document.title)) found.push(`[title] ${document.title}`)
    return found
  }, JAPANESE.source)
}

/** What is left of a text once the school's data is taken out: nothing, on a page in English. */
const leftover = (text: string) => (classNames.reduce((t, name) => t.replaceAll(name, ' '), text).match(JAPANESE) ?? []).filter((run) => !data.has(run))

async function openInEnglish(path: string, loginId: string | null, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const context = await contextAt(e2e.browser, { locale: 'en-US', viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  await page.goto(e2e.server.url + path)
  if (loginId) await loginThroughPage(page, loginId, PASSWORD)
  await ready(page)
  // Lists and live parts arrive after the first paint.
  await page.waitForTimeout(1500)
  return page
}

const menu = (page: Page) => page.locator('asg-staff-menu').getByRole('button', { name: 'Menu ▾' }).waitFor()

describe('the staff pages to an English browser', () => {
  beforeAll(async () => {
    data = await japaneseInDatabase()
    classNames = (await e2e.server.db.sql<{ name: string }[]>`select distinct grade || '年' || name as name from school_class`).map((r) => r.name)
  })

  const pages: { name: string; path: string; who: 'vp' | 'admin' | 'city'; ready: (page: Page) => Promise<unknown> }[] = [
    { name: 'teacher view', path: '/teacher/', who: 'vp', ready: menu },
    { name: 'office view', path: '/teacher/#all', who: 'vp', ready: menu },
    { name: 'safety check', path: '/safety/', who: 'vp', ready: menu },
    { name: 'register', path: '/register/', who: 'vp', ready: menu },
    { name: 'guidance', path: '/guidance/', who: 'vp', ready: menu },
    { name: 'calendar', path: '/calendar/', who: 'vp', ready: menu },
    { name: 'surveys', path: '/surveys/', who: 'vp', ready: menu },
    { name: 'school administration', path: '/admin/', who: 'admin', ready: menu },
    { name: "the city's view", path: '/city/', who: 'city', ready: (page) => page.locator('asg-city-totals').waitFor() },
  ]

  for (const p of pages) {
    it(`${p.name} (${p.path}) shows no Japanese but the school's data`, async () => {
      const loginId = p.who === 'city' ? 'e2e-city-en' : e2e.server.school.login[p.who]
      const page = await openInEnglish(p.path, loginId, p.ready)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
      const left = (await japaneseOnPage(page)).filter((text) => leftover(text).length > 0)
      expect(left).toEqual([])
      await page.context().close()
    })
  }

  it('the board display (paired, then shown with ?lang=en) shows no Japanese but the school\'s data', async () => {
    const admin = await new Client(e2e.server).login(e2e.server.school.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: 'Staff room' })
    const context = await contextAt(e2e.browser, { locale: 'ja-JP', viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + created.body.pairingPath)
    await page.locator('asg-board-app').waitFor()
    await page.goto(e2e.server.url + '/board/?lang=en')
    await page.waitForTimeout(2500)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    const left = (await japaneseOnPage(page)).filter((text) => leftover(text).length > 0)
    expect(left).toEqual([])
    await context.close()
  })
})
