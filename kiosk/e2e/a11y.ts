import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Checks the journeys share: axe-core's WCAG A/AA rules and 44 px touch targets, through the pages' shadow roots. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe-core's violations on the page as it is now, one line each. */
export async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(async (tags) => {
    type Rule = { id: string; help: string; nodes: { target: unknown[] }[] }
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return {
      violations: r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`),
      passed: r.passes.map((p) => p.id),
    }
  }, WCAG_TAGS)
  // Every control of these pages is inside a shadow root: a pass of this rule shows axe looked there.
  expect(result.passed).toContain('button-name')
  return result.violations
}

/** Interactive things on the page smaller than 44 × 44 px, through the shadow roots. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('button, a[href], select, textarea, input, label.tile, summary')) {
        // A visually hidden input is operated through its tile, which is measured instead.
        if (el instanceof HTMLInputElement && el.closest('label.tile')) continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 && r.height === 0) continue
        if (r.width < 44 || r.height < 44) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot)
    }
    visit(document)
    return out
  })
}
