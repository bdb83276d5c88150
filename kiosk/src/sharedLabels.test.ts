import { describe, expect, it } from 'vitest'
import { REPORT_KIND_LABEL } from '../../shared/domain/attendance.js'
import { DISEASE_RULES, type Disease } from '../../shared/domain/suspension.js'
import { AUDIT_ACTION_LABEL, LONG_ABSENCE_REASON_LABEL, NOTICE_ANSWER_LABEL, STAFF_ROLE_LABEL } from '../../shared/protocol/index.js'
import { actionText, roleText } from './admin/text.js'
import { REASON } from './guidance/reasons.js'
import { t as guidanceText } from './guidance/text.js'
import { diseaseText, ruleText } from './register/diseases.js'
import { ANSWER_TEXT, REPORT_KIND_TEXT } from './teacher/day-view.js'

/**
 * The staff catalogues repeat labels that shared/ keeps in Japanese for the server (CSV files,
 * e-mails, the audit log) so that the pages can say them in English: in Japanese each page must
 * still say exactly the shared words.
 */
const sameAs = <K extends string>(labels: Record<K, string>, text: (k: K) => string) =>
  expect(Object.fromEntries(Object.keys(labels).map((k) => [k, text(k as K)]))).toEqual(labels)

describe("the staff pages' Japanese for labels shared/ defines", () => {
  it('staff roles, audited acts, report kinds, answers to a notice, long-absence reasons', () => {
    sameAs(STAFF_ROLE_LABEL, roleText)
    sameAs(AUDIT_ACTION_LABEL, actionText)
    sameAs(REPORT_KIND_LABEL, (k) => REPORT_KIND_TEXT[k])
    sameAs(NOTICE_ANSWER_LABEL, (k) => ANSWER_TEXT[k])
    sameAs(LONG_ABSENCE_REASON_LABEL, (k) => guidanceText(REASON[k]))
  })

  it("the diseases of 出席停止 and the regulation's rule for each", () => {
    const names = Object.fromEntries(Object.entries(DISEASE_RULES).map(([d, r]) => [d, r.label])) as Record<Disease, string>
    sameAs(names, diseaseText)
    const rules = Object.fromEntries(Object.entries(DISEASE_RULES).map(([d, r]) => [d, r.text])) as Record<Disease, string>
    sameAs(rules, ruleText)
  })
})
