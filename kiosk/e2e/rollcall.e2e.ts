import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/** Roll call → notices → a guardian's answer → the board → the call list → a call. */

const e2e = journey()
beforeAll(async () => {
  // The call list waits for answers; this journey does not want to wait 20 minutes.
  await e2e.server.db.sql`update school set settings = settings || '{"callListAfterMinutes": 0}'::jsonb where id = ${e2e.server.school.schoolId}`
})

const seenText = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => (el.shadowRoot ?? el).textContent ?? '')
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

describe('the not-arrived follow-up in a browser', () => {
  it('teacher marks two 未登校, the office sends notices, one family answers 遅刻 9:30, the other is phoned', async () => {
    const admin = await new Client(e2e.server).login(e2e.server.school.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
    const boardCtx = await contextAt(e2e.browser, { viewport: { width: 1920, height: 1080 } })
    const board = await boardCtx.newPage()
    await board.goto(e2e.server.url + created.body.pairingPath)
    await board.getByText('接続中').waitFor()

    // 1. The homeroom teacher takes the roll on a phone: two pupils are missing.
    const teacherCtx = await contextAt(e2e.browser, phone)
    const teacher = await teacherCtx.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    for (const name of ['鈴木 太郎', '田中 花子']) {
      await teacher.locator('asg-roll-call li', { hasText: name }).locator('button.tap').click()
      await teacher.locator('asg-roll-call li.st-not_arrived', { hasText: name }).waitFor()
    }
    await teacher.getByRole('button', { name: /点呼を確定/ }).click()
    await teacher.getByText('点呼済').waitFor()

    // 2. The office sees both as unexplained and sends the notices.
    const officeCtx = await contextAt(e2e.browser, { viewport: { width: 1280, height: 900 } })
    const office = await officeCtx.newPage()
    await office.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(office, e2e.server.school.login.vp, PASSWORD)
    const unexplained = office.locator('asg-office-lists section[aria-label="連絡のない未登校"]')
    await unexplained.getByText('鈴木 太郎').waitFor()
    await unexplained.getByText('田中 花子').waitFor()
    await office.getByRole('button', { name: '2名の保護者に送信' }).click()
    await office.getByText('2名に送信しました').waitFor()

    // 3. The Suzuki family answers on their phone: 遅刻します 9:30.
    const guardianCtx = await contextAt(e2e.browser, phone)
    const guardian = await guardianCtx.newPage()
    await guardian.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(guardian, e2e.server.school.login.suzuki, PASSWORD)
    const notice = guardian.locator('asg-guardian-notices section.notice').first()
    await notice.getByText('鈴木 太郎さんがまだ登校していません').first().waitFor()
    await notice.getByRole('button', { name: '遅刻します' }).click()
    await notice.locator('input[type="time"]').fill('09:30')
    await notice.getByRole('button', { name: '回答を送る' }).click()
    await guardian.getByText('回答済: 遅刻します 9:30').waitFor()

    // 4. The board shows 遅刻 9:30予定.
    const onBoard = board.locator('asg-board-entry', { hasText: '鈴木 太郎' })
    await onBoard.waitFor()
    await expect.poll(() => seenText(onBoard)).toContain('9:30予定')
    expect(await seenText(onBoard)).toContain('遅刻')

    // 5. The other pupil is on the call list with the phone number; the office records the call.
    const callList = office.locator('asg-office-notices section[aria-label="電話リスト"]')
    await callList.getByText('090-0000-0002').waitFor()
    // The panel reloads shortly after each change: the family that answered leaves the list.
    await expect.poll(() => callList.getByText('鈴木 太郎').count(), { timeout: 10_000 }).toBe(0)
    await callList.locator('input').fill('祖母が送っていく')
    await callList.getByRole('button', { name: '通話できた' }).click()
    await callList.getByText(/通話できた ・ 祖母が送っていく/).waitFor()
    await office.locator('asg-office-notices section[aria-label="送信済みのお知らせ"]').getByText('遅刻します 9:30').waitFor()
    for (const c of [boardCtx, teacherCtx, officeCtx, guardianCtx]) await c.close()
  }, 150_000) // four browsers on a shared machine
})
