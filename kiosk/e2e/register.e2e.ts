import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

const e2e = journey()
beforeAll(async () => {
  const s = e2e.server.school
  const [code] = await e2e.server.db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${s.schoolId} and code = 'absent_sick'`
  for (const date of ['2026-11-26', '2026-11-27']) {
    await e2e.server.db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${s.schoolId}, 0, ${s.pupils.taro}, ${date}, ${code!.id}, 'teacher')`
  }
})

describe('the register, the guidance view and the calendar in a browser', () => {
  it('a teacher opens the register, reads the history of a day and corrects it with a reason', async () => {
    const page = await (await contextAt(e2e.browser, { viewport: { width: 1400, height: 900 } })).newPage()
    await page.goto(e2e.server.url + '/register/')
    await loginThroughPage(page, e2e.server.school.login.teacher1, PASSWORD)
    await page.getByRole('heading', { name: /1年1組 出席簿 2026年11月/ }).waitFor()
    const cell = page.getByRole('button', { name: '鈴木 太郎 2026-11-27 欠席(病気・けが)' })
    await cell.click()
    await page.getByRole('dialog', { name: '記録の履歴' }).waitFor()
    await page.getByLabel('訂正後の記録').selectOption({ label: '欠席(事故)' })
    await page.getByLabel('訂正の理由(必須)').fill('家庭の事情と電話で確認')
    await page.getByRole('button', { name: '訂正を記録' }).click()
    await page.getByRole('cell', { name: '家庭の事情と電話で確認' }).waitFor()
    await page.getByRole('button', { name: '閉じる' }).click()
    await page.getByRole('button', { name: '鈴木 太郎 2026-11-27 欠席(事故)(訂正あり)' }).waitFor()
    // The teacher's class only: the class picker offers 1年1組 alone.
    expect(await page.getByRole('combobox', { name: '学級' }).locator('option').allTextContents()).toEqual(['1年1組'])
  })

  it('the vice-principal sees the guidance ranking and the calendar', async () => {
    const page = await (await contextAt(e2e.browser, { viewport: { width: 1400, height: 900 } })).newPage()
    await page.goto(e2e.server.url + '/guidance/')
    await loginThroughPage(page, e2e.server.school.login.vp, PASSWORD)
    const first = page.locator('asg-guidance-app tbody tr').first()
    await first.waitFor()
    expect(await first.textContent()).toContain('鈴木 太郎')
    await page.goto(e2e.server.url + '/calendar/')
    await page.getByText('勤労感謝の日').waitFor()
    await page.getByRole('heading', { name: '学級閉鎖・学年閉鎖' }).first().waitFor()
  })
})
