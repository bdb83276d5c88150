import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/password.js'
import { createGuardian, createPupil, linkGuardian } from '../../server/data/schoolSetup.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { smallTargets, violations } from './a11y.js'
import { contextAt, journey, loginThroughPage, openPairedBoard } from './harness.js'

/**
 * 安否確認 end to end: the 教頭 starts a 訓練 in two taps; three families answer on their
 * phones (the Suzukis for both their children at once, the Tanakas with けが, the Satos); the
 * board in safety mode shows each answer within 2 s; the office sees the one family that has
 * not answered, with its phone number; a reminder reaches only that family; closing returns
 * the board to the normal day.
 */
const LIVE_MS = 2000

let board: Page
let ito: { login: string; email: string }
let sato: { login: string }

// Mail is kept (captured) on both databases, so the test can read who was written to.
const e2e = journey({ deps: { mail: { mode: 'capture', publicUrl: null } } })
beforeAll(async () => {
  const { sql } = e2e.server.db
  const s = e2e.server.school
  const hash = await hashPassword(PASSWORD)
  const prefix = s.login.admin.replace(/-admin$/, '')
  // Two more families: the Satos (三郎 in 2年) answer, the Itos (四郎 in 1年) never do.
  const satoId = await createGuardian(sql, { loginId: `${prefix}-sato`, passwordHash: hash, familyName: '佐藤', givenName: '恵', email: 'sato@example.jp', phone: '090-0000-0003' })
  await linkGuardian(sql, { schoolId: s.schoolId, guardianId: satoId, pupilId: s.pupils.other })
  const shiro = await createPupil(sql, {
    schoolId: s.schoolId, schoolYearId: s.yearId, classId: s.classes.c1, attendanceNumber: 3, familyName: '伊藤', givenName: '四郎', familyKana: 'いとう', givenKana: 'しろう', enrolledOn: '2026-04-01',
  })
  const itoId = await createGuardian(sql, { loginId: `${prefix}-ito`, passwordHash: hash, familyName: '伊藤', givenName: '誠', email: 'ito@example.jp', phone: '090-0000-0004' })
  await linkGuardian(sql, { schoolId: s.schoolId, guardianId: itoId, pupilId: shiro })
  await sql`update guardian set email = 'suzuki@example.jp' where id = ${s.guardians.suzuki}`
  await sql`update guardian set email = 'tanaka@example.jp' where id = ${s.guardians.tanaka}`
  ito = { login: `${prefix}-ito`, email: 'ito@example.jp' }
  sato = { login: `${prefix}-sato` }
  board = await openPairedBoard(e2e.browser, e2e.server)
})

/** A number on the board in safety mode: the school's total of one kind. */
const boardTotal = (kind: 'answered' | 'safe' | 'help' | 'none') => board.locator(`asg-board-safety .total.${kind} b`)
/** One class's count of one kind on the board. */
const classCount = (classId: number, kind: 'answered' | 'safe' | 'help' | 'none') => board.locator(`asg-board-safety-class[data-class="${classId}"] .n.${kind} dd`)

async function guardianPhone(loginId: string): Promise<Page> {
  // The pages' CSP forbids inline scripts; axe is injected by the test, not by the page.
  const context = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true })
  const page = await context.newPage()
  await page.goto(e2e.server.url + '/guardian/')
  await loginThroughPage(page, loginId, PASSWORD)
  return page
}

describe('安否確認 in the browser', () => {
  let staff: Page

  it('the 教頭 starts a drill in two taps and the board switches to safety mode', async () => {
    await board.locator('asg-board-class').first().waitFor()
    expect(await board.locator('asg-board-safety').count()).toBe(0)

    const context = await contextAt(e2e.browser, { viewport: { width: 1366, height: 900 } })
    staff = await context.newPage()
    await staff.goto(e2e.server.url + '/safety/')
    await loginThroughPage(staff, e2e.server.school.login.vp, PASSWORD)
    await staff.getByRole('button', { name: '訓練', exact: true }).click()
    await staff.getByRole('button', { name: '全校の保護者に送信' }).click()
    await staff.locator('asg-safety-tally, asg-safety-app [role="alert"]').first().waitFor()
    expect(await staff.locator('asg-safety-app [role="alert"]').allTextContents()).toEqual([])

    await board.locator('asg-board-safety').waitFor({ timeout: LIVE_MS })
    await expect.poll(() => board.locator('asg-board-safety .drill').textContent(), { timeout: LIVE_MS }).toBe('訓練')
    expect(await boardTotal('none').textContent()).toBe('5')
    expect(await boardTotal('answered').textContent()).toBe('0')
  })

  it('three families answer on their phones; the board shows each answer within 2 s', async () => {
    // The Suzukis: both children together, 無事, a parent picks them up.
    const suzuki = await guardianPhone(e2e.server.school.login.suzuki)
    const card = suzuki.locator('asg-guardian-safety')
    await card.locator('.mark', { hasText: '訓練' }).waitFor()
    expect(await card.locator('input[name="together"]').isChecked()).toBe(true)
    // A missing choice is said next to the question, and nothing is sent.
    await card.getByRole('button', { name: '回答を送る' }).click()
    await card.getByText('状況を選んでください').waitFor()
    expect(await violations(suzuki)).toEqual([])
    expect(await smallTargets(suzuki)).toEqual([])
    await card.locator('label.tile', { hasText: '無事' }).click()
    await card.locator('label.tile', { hasText: '保護者が迎えに行きます' }).click()
    await card.locator('input[type="time"]').fill('15:30')
    await card.getByRole('button', { name: '回答を送る' }).click()
    // Within 2 s of the tap, the board has it.
    await expect.poll(() => boardTotal('answered').textContent(), { timeout: LIVE_MS, interval: 50 }).toBe('2')
    await card.getByText('回答を受け付けました。').waitFor()
    expect(await classCount(e2e.server.school.classes.c1, 'safe').textContent()).toBe('1')
    expect(await classCount(e2e.server.school.classes.c2, 'safe').textContent()).toBe('1')
    // What was answered stays on the page, and can be changed until the school closes it.
    expect(await card.locator('.answer').count()).toBe(2)
    await card.getByRole('button', { name: '回答を変更する' }).waitFor()
    expect(await violations(suzuki)).toEqual([])

    // The Tanakas: けが, with a note.
    const tanaka = await guardianPhone(e2e.server.school.login.tanaka)
    const t = tanaka.locator('asg-guardian-safety')
    await t.locator('label.tile', { hasText: 'けが' }).click()
    await t.locator('label.tile', { hasText: '迎えに行けるまで学校で待機させてください' }).click()
    await t.locator('textarea').fill('母が足をけがしています')
    await t.getByRole('button', { name: '回答を送る' }).click()
    await expect.poll(() => boardTotal('help').textContent(), { timeout: LIVE_MS, interval: 50 }).toBe('1')
    await t.getByText('回答を受け付けました。').waitFor()
    expect(await board.locator(`asg-board-safety-class[data-class="${e2e.server.school.classes.c1}"]`).getAttribute('state')).toBe('help')

    // The Satos: 無事.
    const satoPage = await guardianPhone(sato.login)
    const s = satoPage.locator('asg-guardian-safety')
    await s.locator('label.tile', { hasText: '無事' }).click()
    await s.locator('label.tile', { hasText: 'まだわかりません' }).click()
    await s.getByRole('button', { name: '回答を送る' }).click()
    await expect.poll(() => boardTotal('answered').textContent(), { timeout: LIVE_MS, interval: 50 }).toBe('4')
    await s.getByText('回答を受け付けました。').waitFor()
    expect(await boardTotal('safe').textContent()).toBe('3')
    expect(await boardTotal('none').textContent()).toBe('1')
    expect(await classCount(e2e.server.school.classes.c2, 'none').textContent()).toBe('0')
    expect(await board.locator(`asg-board-safety-class[data-class="${e2e.server.school.classes.c2}"]`).getAttribute('state')).toBe('done')
    // Three phones logging in and an accessibility pass take a while on a busy machine.
  }, 150_000)

  it('the office sees the one family that has not answered, with its phone, and 要支援', async () => {
    const unanswered = staff.locator('asg-safety-rows.unanswered')
    await expect.poll(() => unanswered.locator('li').count(), { timeout: 5000 }).toBe(1)
    expect(await unanswered.locator('li .name').textContent()).toBe('伊藤 四郎')
    expect(await unanswered.locator('li a[href^="tel:"]').textContent()).toBe('090-0000-0004')
    const support = staff.locator('asg-safety-rows').first()
    expect(await support.locator('li .name').allTextContents()).toEqual(['田中 花子'])
    expect(await support.getByText('母が足をけがしています').count()).toBe(1)

    // The homeroom teacher of 1年1組 sees their class's answers, no other class, and cannot start or close.
    const context = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await context.newPage()
    await teacher.goto(e2e.server.url + '/safety/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    const mine = teacher.locator('asg-safety-rows.mine')
    await mine.locator('li').first().waitFor()
    expect(await mine.locator('li .name').allTextContents()).toEqual(['鈴木 太郎', '田中 花子', '伊藤 四郎'])
    expect(await mine.locator('li .chip').allTextContents()).toEqual(['無事', 'けが', '未回答'])
    expect(await teacher.getByRole('button', { name: '締め切る' }).count()).toBe(0)
    await context.close()
  })

  it('a reminder reaches only the family that has not answered', async () => {
    await staff.getByRole('button', { name: '未回答の家庭に再送(1名)' }).click()
    await staff.getByText('未回答の1家庭(1名)に再送しました。').waitFor()
    const vp = await new Client(e2e.server).login(e2e.server.school.login.vp)
    const mail = (await vp.get('/api/office/captured-mail')).body.mail as { recipient: string; subject: string }[]
    const reminders = mail.filter((m) => m.subject.includes('まだ回答がありません'))
    expect(reminders.map((m) => m.recipient)).toEqual([ito.email])
    expect(reminders[0]!.subject).toContain('【訓練】')
    // Everyone was written to at the start, the Suzukis once for both children.
    const first = mail.filter((m) => !m.subject.includes('まだ回答がありません')).map((m) => m.recipient).sort()
    expect(first).toEqual(['ito@example.jp', 'sato@example.jp', 'suzuki@example.jp', 'tanaka@example.jp'])
  })

  it('closing returns the board to the normal day, and guardians see it closed', async () => {
    const close = staff.getByRole('button', { name: '締め切る' })
    await close.click()
    await staff.getByRole('button', { name: 'もう一度押すと締め切ります' }).click()
    await board.locator('asg-board-safety').waitFor({ state: 'detached', timeout: LIVE_MS })
    await board.locator('asg-board-class').first().waitFor({ timeout: LIVE_MS })
    await staff.locator('asg-safety-start').waitFor()
    await staff.locator('section.recent li').first().waitFor()

    // The A4 report of the closed drill: every child, who answered what, the non-responder.
    const id = await staff.locator('section.recent li').first().getAttribute('data-safety')
    const report = await staff.context().newPage()
    await report.goto(`${e2e.server.url}/safety/#report-${id}`)
    const table = report.locator('asg-safety-report table').nth(1)
    await table.locator('tbody tr').first().waitFor()
    expect(await report.locator('asg-safety-report h1').textContent()).toContain('訓練')
    expect(await table.locator('tbody tr').count()).toBe(5)
    expect(await table.locator('tr', { hasText: '伊藤 四郎' }).textContent()).toContain('未回答')
    expect(await table.locator('tr', { hasText: '田中 花子' }).textContent()).toContain('けが')

    const itoPage = await guardianPhone(ito.login)
    const card = itoPage.locator('asg-guardian-safety')
    await card.getByText('受付は終了しました。').first().waitFor()
    expect(await card.locator('form').count()).toBe(0)
  }, 120_000)
})
