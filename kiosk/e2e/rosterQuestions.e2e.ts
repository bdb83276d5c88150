import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../server/pages/buildInfo.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

const SHOTS = join(ROOT, 'docs', 'screenshots')

const e2e = journey()
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
})

describe('a partial roster with a namesake', () => {
  it('the preview suggests a partial import, asks who the namesake is, and applies once answered', async () => {
    // One class's transfers: a new 佐藤 三郎 arrives in 1年1組 while another 佐藤 三郎 is in 2年1組.
    const file = join(mkdtempSync(join(tmpdir(), 'asagao-roster-')), 'transfers-1-1.csv')
    writeFileSync(file, '学年,組,出席番号,姓,名,姓ふりがな,名ふりがな,転入日\r\n1,1,3,佐藤,三郎,さとう,さぶろう,2026/12/1\r\n1,1,4,髙橋,①美,たかはし,いちみ,2026/12/1\r\n')
    const ctx = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const page = await ctx.newPage()
    await page.goto(e2e.server.url + '/admin/')
    await loginThroughPage(page, e2e.server.school.login.admin, PASSWORD)
    await page.getByRole('tab', { name: '名簿' }).waitFor()
    await page.locator('asg-admin-roster option', { hasText: '2026年度' }).waitFor({ state: 'attached' })
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByRole('button', { name: '内容を確認' }).click()
    await page.getByText('どの児童か選んでください').waitFor()
    expect(await page.getByLabel('一部だけ', { exact: false }).isChecked()).toBe(true)
    expect(await page.getByRole('button', { name: 'この内容で取り込む' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'admin-roster-namesake.png'), fullPage: true })
    await page.getByLabel('2行目の児童').selectOption('new')
    await page.locator('h3', { hasText: '同じ氏名・ふりがなの児童' }).and(page.locator(':not(.error)')).waitFor()
    await page.getByRole('button', { name: 'この内容で取り込む' }).click()
    await page.getByText('取り込みました:追加 2人').waitFor()
    const added = await e2e.server.db.sql<{ givenName: string; enrolledOn: string }[]>`
      select given_name, enrolled_on::text from pupil where school_id = ${e2e.server.school.schoolId} and enrolled_on = '2026-12-01' order by id`
    expect(added).toEqual([{ givenName: '三郎', enrolledOn: '2026-12-01' }, { givenName: '①美', enrolledOn: '2026-12-01' }])
    const left = await e2e.server.db.sql`select 1 from pupil where school_id = ${e2e.server.school.schoolId} and left_on is not null`
    expect(left).toHaveLength(0)
    await ctx.close()
  })
})
