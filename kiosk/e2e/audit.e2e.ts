import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../server/pages/buildInfo.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

const SHOTS = join(ROOT, 'docs', 'screenshots')

const e2e = journey()
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const s = e2e.server.school
  // A morning's audited acts, through the real routes: corrections, a history read, an export with symptoms.
  const teacher = await new Client(e2e.server).login(s.login.teacher1)
  for (const [date, note] of [['2026-11-20', '保護者から電話があり欠席に訂正'], ['2026-11-24', '入力誤りのため訂正']] as const) {
    const res = await teacher.post('/api/register/marks', { pupilId: s.pupils.hanako, date, codeId: null, note })
    expect(res.status).toBe(200)
    expect((await teacher.get(`/api/register/history?pupilId=${s.pupils.hanako}&date=${date}`)).status).toBe(200)
  }
  const guardian = await new Client(e2e.server).login(s.login.suzuki)
  const [reason] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
  const report = await guardian.post('/api/guardian/reports', {
    idempotencyKey: 'audit-e2e-000001', pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
    reasonId: reason!.id, symptoms: ['せき'], temperature: 38.2, message: '',
  })
  expect(report.status).toBe(201)
  const vp = await new Client(e2e.server).login(s.login.vp)
  const csv = await fetch(`${e2e.server.url}/api/guidance/daily-absentees.csv?date=2026-11-30`, { headers: { cookie: vp.cookie, origin: e2e.server.url } })
  expect(csv.status).toBe(200)
  const admin = await new Client(e2e.server).login(s.login.admin)
  const applied = await admin.post('/api/register/suspension/apply', { pupilId: s.pupils.jiro, input: { disease: 'influenza', onset: '2026-11-24', feverBroke: '2026-11-25' } })
  expect(applied.status).toBe(200)
})

const deepText = (page: Page) =>
  page.evaluate(() => {
    const walk = (n: Node): string => (n instanceof Element && n.shadowRoot ? walk(n.shadowRoot) : '') + [...n.childNodes].map((c) => (c.nodeType === 3 ? c.textContent : walk(c))).join('')
    return walk(document.body)
  })

describe('the audit log in /admin/', () => {
  it('the vice-principal sees, filters and pages it; the administrator has no such tab', async () => {
    const ctx = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const page = await ctx.newPage()
    await page.goto(e2e.server.url + '/admin/#audit')
    await loginThroughPage(page, e2e.server.school.login.vp, PASSWORD)
    await page.getByRole('tab', { name: '監査ログ' }).click()
    await page.locator('td', { hasText: '出席簿を訂正' }).first().waitFor()
    const text = await deepText(page)
    expect(text).toContain('保護者から電話があり欠席に訂正')
    expect(text).toContain('出席停止を記入')
    expect(text).toContain('欠席者数CSV(症状つき)')
    expect(text).toContain('127.0.0.1')
    expect(text).toMatch(/\d+件中 1〜\d+件/)
    await page.screenshot({ path: join(SHOTS, 'admin-audit-log.png') })
    // Filtering by a pupil: click the name.
    await page.getByRole('button', { name: '田中 花子' }).first().click()
    await page.getByText('児童:田中 花子').waitFor()
    await page.locator('td', { hasText: '出席停止を記入' }).waitFor({ state: 'detached' })
    expect(await page.locator('td', { hasText: '田中 花子' }).count()).toBe(4)
    await ctx.close()

    const adminCtx = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const admin = await adminCtx.newPage()
    await admin.goto(e2e.server.url + '/admin/#audit')
    await loginThroughPage(admin, e2e.server.school.login.admin, PASSWORD)
    await admin.getByRole('tab', { name: '名簿' }).waitFor()
    expect(await admin.getByRole('tab', { name: '監査ログ' }).count()).toBe(0)
    await adminCtx.close()
  })
})
