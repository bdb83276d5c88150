import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../server/pages/buildInfo.js'
import { startServerProcess, type ServerProcess } from '../../server/test/process.js'
import { launchChromium } from './harness.js'

const SHOTS = join(ROOT, 'docs', 'screenshots')
const ROSTER = join(ROOT, 'server', 'roster', 'fixtures', 'roster-utf8-lf.csv')
const PASSWORD = 'asagao-setup-2026'

let dataDir: string
let server: ServerProcess
let browser: Browser
let dropDatabase: (() => Promise<void>) | null = null

/**
 * A fresh install, as the documentation describes it: the real server process with the demo off
 * on an empty database (embedded, or a new PostgreSQL database when DATABASE_URL is set), its
 * system clock, and the pages it was built with.
 */
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'asagao-setup-'))
  const env: Record<string, string> = { ASAGAO_DEMO: 'off', ASAGAO_DATA_DIR: dataDir, ASAGAO_BACKUP_KEEP: '0' }
  if (process.env.DATABASE_URL) {
    const name = `asagao_setup_${randomBytes(5).toString('hex')}`
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
  server = await startServerProcess(ROOT, ['--import', 'tsx', 'server/start.ts'], env)
  browser = await launchChromium()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await dropDatabase?.()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The setup link the server printed (it prints it right after it starts listening). */
async function printedSetupLink(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const m = /(http:\/\/\S+\/setup\/#[A-Za-z0-9_-]{43})/.exec(server.output())
    if (m) return m[1]!
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no setup link printed:\n${server.output()}`)
}

const newPage = async (viewport: { width: number; height: number }): Promise<Page> =>
  (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport })).newPage()

async function fillSetupForm(page: Page, password: string) {
  await page.getByLabel('市区町村の名前').fill('夕顔市')
  await page.getByLabel('学校名').fill('夕顔市立みなみ小学校')
  await page.getByLabel('学校コード').fill('B113210000017')
  await page.getByLabel('姓', { exact: true }).fill('山田')
  await page.getByLabel('名', { exact: true }).fill('花子')
  await page.getByLabel('ログインID').fill('minami-admin')
  await page.getByLabel('パスワード', { exact: true }).fill(password)
  await page.getByLabel('パスワード(確認)').fill(password)
}

describe('a fresh install with the demo off', () => {
  it('goes from the printed setup link to a school with its calendar, a roster and a paired board', async () => {
    const link = await printedSetupLink()
    expect(server.output()).not.toContain('Demo logins')

    // A guessed link shows the refusal, not the form.
    const guess = await newPage({ width: 390, height: 844 })
    await guess.goto(link.replace(/#.*/, `#${'A'.repeat(43)}`))
    await guess.getByText('このセットアップ用リンクは無効です').waitFor()
    await guess.context().close()

    // The form on a phone, as it first appears.
    const phone = await newPage({ width: 390, height: 844 })
    await phone.goto(link)
    await phone.getByText('カレンダーのひな形').waitFor()
    await phone.screenshot({ path: join(SHOTS, 'setup-390x844.png'), fullPage: true })
    await phone.context().close()

    // On the office PC: a weak password is refused with the rule shown, nothing is created.
    const page = await newPage({ width: 1366, height: 768 })
    await page.goto(link)
    await fillSetupForm(page, 'password')
    await page.getByRole('button', { name: 'この内容で始める' }).click()
    await page.locator('#rule.bad').waitFor()
    expect(await page.locator('#rule').textContent()).toContain('12文字以上')
    await page.screenshot({ path: join(SHOTS, 'setup-1366x768.png'), fullPage: true })

    // The calendar template is previewed for the chosen year, then the setup goes through.
    await page.getByLabel('寒冷地（夏休みが短く、冬休みが長い）').check()
    await page.getByText('夏休み 7月25日').waitFor()
    await page.getByLabel('標準（春休み・夏休み・冬休み・学年末休業）').check()
    await fillSetupForm(page, PASSWORD)
    await page.getByRole('button', { name: 'この内容で始める' }).click()
    await page.getByText('初期設定が完了しました').waitFor()

    // The link is dead: opening it again shows why.
    const again = await newPage({ width: 390, height: 844 })
    await again.goto(link)
    await again.getByText('このセットアップ用リンクはすでに使われました').waitFor()
    await again.context().close()

    // The administrator logs in and imports a small roster.
    await page.getByRole('link', { name: '管理ページへ' }).click()
    await page.locator('asg-login input[name="loginId"]').fill('minami-admin')
    await page.locator('asg-login input[name="password"]').fill(PASSWORD)
    await page.locator('asg-login button[type="submit"]').click()
    await page.getByText('朝顔 学校の管理 — 夕顔市立みなみ小学校').waitFor()
    await page.locator('input[type="file"]').setInputFiles(ROSTER)
    await page.getByLabel('ファイルにある組がなければ作る').check()
    await page.getByRole('button', { name: '内容を確認' }).click()
    await page.getByRole('button', { name: 'この内容で取り込む' }).click()
    await page.getByText(/取り込みました:追加 \d+人/).waitFor()

    // The calendar page shows the template's vacations, editable.
    const calendar = await page.context().newPage()
    await calendar.goto(new URL('/calendar/', link).toString())
    await calendar.getByText('冬休み').first().waitFor()

    // A board is registered and paired; it shows the school.
    await page.getByRole('tab', { name: '表示端末' }).click()
    await page.getByLabel('新しい端末の名前').fill('職員室 大型モニター')
    await page.getByRole('button', { name: '追加' }).click()
    const pairingPath = await page.locator('a.code').getAttribute('href')
    const board = await newPage({ width: 1920, height: 1080 })
    await board.goto(new URL(pairingPath!, link).toString())
    await board.getByText('夕顔市立みなみ小学校').first().waitFor()
    await board.getByText('接続中').waitFor()
  }, 180_000)
})
