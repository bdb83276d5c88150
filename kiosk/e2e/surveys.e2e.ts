import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

// The pages' CSP forbids inline scripts; axe is injected by the test, not by the page.
const phone = () => desk({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true })
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's WCAG A/AA violations on the page as it is now, as the other guardian pages are checked. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return r.violations.map((v) => `${v.id} — ${JSON.stringify(v.nodes[0]?.target)}`)
  })
}
/** A context whose waits fail within 10 s, so a failure names its step. */
async function desk(opts: Parameters<typeof contextAt>[1] = { viewport: { width: 1366, height: 768 } }) {
  const c = await contextAt(e2e.browser, opts)
  c.setDefaultTimeout(10_000)
  return c
}

/** A guardian opens the page on a phone and logs in. */
async function guardianOnPhone(loginId: string): Promise<Page> {
  const page = await (await phone()).newPage()
  await page.goto(e2e.server.url + '/guardian/')
  await loginThroughPage(page, loginId, PASSWORD)
  await page.locator('asg-guardian-surveys h3', { hasText: '音楽会の出欠' }).waitFor()
  return page
}

const e2e = journey()

describe('a survey from template to live results', () => {
  it('the vice-principal builds from a template and publishes; two guardians answer on phones; the teacher sees each answer live and the non-responders', async () => {
    const s = e2e.server.school
    // The vice-principal builds 行事の出欠 from the template for class 1-1 and publishes it.
    const office = await (await desk()).newPage()
    await office.goto(e2e.server.url + '/surveys/')
    await loginThroughPage(office, s.login.vp, PASSWORD)
    await office.getByRole('link', { name: '新しいアンケートを作る' }).click()
    const builder = office.locator('asg-survey-builder')
    await builder.getByRole('button', { name: '行事の出欠' }).click()
    await builder.locator('input[name="title"]').fill('音楽会の出欠')
    await builder.getByRole('radio', { name: '学級' }).check()
    await builder.getByRole('checkbox', { name: '1年1組' }).check()
    // The preview shows the guardian's form with ○×△.
    await builder.locator('asg-survey-form').getByText('△ 未定').waitFor()
    await builder.getByRole('button', { name: '公開する' }).click()
    await office.locator('asg-survey-results h2', { hasText: '音楽会の出欠' }).waitFor()

    // The homeroom teacher of 1-1 opens the results: nobody has answered.
    const teacher = await (await desk()).newPage()
    await teacher.goto(e2e.server.url + '/surveys/')
    await loginThroughPage(teacher, s.login.teacher1, PASSWORD)
    await teacher.getByRole('link', { name: '音楽会の出欠' }).click()
    const results = teacher.locator('asg-survey-results')
    const answered = results.locator('[data-answered]')
    await answered.waitFor()
    expect(await answered.textContent()).toBe('0')
    expect(await results.locator('tr.missing').count()).toBe(2)

    // The Suzuki guardian answers ○ for taro on the phone; a draft survives closing the page.
    const suzuki = await guardianOnPhone(s.login.suzuki)
    const taro = suzuki.locator('asg-guardian-surveys .subject').first()
    await taro.getByRole('button', { name: '回答する' }).click()
    const form = suzuki.locator('asg-survey-form')
    await form.getByRole('radio', { name: '○ 出席' }).check()
    await form.getByRole('textbox').fill('祖母も参観します')
    await suzuki.reload()
    await suzuki.locator('asg-guardian-surveys .subject').first().getByRole('button', { name: '回答する' }).click()
    expect(await suzuki.locator('asg-survey-form').getByRole('radio', { name: '○ 出席' }).isChecked()).toBe(true)
    // A number out of range is refused on the page before sending.
    await suzuki.locator('asg-survey-form input[type="number"]').fill('9')
    await suzuki.locator('asg-survey-form').getByRole('button', { name: '送信する' }).click()
    await suzuki.locator('asg-survey-form').getByText('5以下にしてください').waitFor()
    expect(await violations(suzuki)).toEqual([])
    await suzuki.locator('asg-survey-form input[type="number"]').fill('2')
    await suzuki.locator('asg-survey-form').getByRole('button', { name: '送信する' }).click()
    await suzuki.locator('asg-guardian-surveys').getByText('回答を送信しました').waitFor()
    await suzuki.locator('asg-guardian-surveys dd', { hasText: '○ 出席' }).waitFor()
    expect(await violations(suzuki)).toEqual([])

    await expectText(answered, '1')
    // The Tanaka guardian answers × for hanako.
    const tanaka = await guardianOnPhone(s.login.tanaka)
    await tanaka.locator('asg-guardian-surveys').getByRole('button', { name: '回答する' }).click()
    await tanaka.locator('asg-survey-form').getByRole('radio', { name: '× 欠席' }).check()
    await tanaka.locator('asg-survey-form').getByRole('button', { name: '送信する' }).click()
    await tanaka.locator('asg-guardian-surveys').getByText('回答を送信しました').waitFor()

    await expectText(answered, '2')
    expect(await results.locator('tr.missing').count()).toBe(0)
    expect(await results.locator('[data-question="q1"] [data-count="1"]').textContent()).toBe('1')

    // Suzuki changes the answer: still one answer, the count moves from ○ to △.
    await suzuki.locator('asg-guardian-surveys').getByRole('button', { name: '回答を変更する' }).first().click()
    await suzuki.locator('asg-survey-form').getByRole('radio', { name: '△ 未定' }).check()
    await suzuki.locator('asg-survey-form').getByRole('button', { name: '送信する' }).click()
    await expectText(results.locator('[data-question="q1"] [data-count="2"]'), '1')
    expect(await answered.textContent()).toBe('2')
    // Jiro (class 2-1) was not in the survey: the Suzuki page shows one child only.
    expect(await suzuki.locator('asg-guardian-surveys .subject').count()).toBe(1)
  }, 180_000)
})

async function expectText(locator: ReturnType<Page['locator']>, text: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while ((await locator.textContent()) !== text) {
    if (Date.now() > until) throw new Error(`expected ${text}, saw ${await locator.textContent()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
