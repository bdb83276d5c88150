import type { CreateReportRequest, GuardianChild, GuardianHome, Reason, ReportKind } from '../../../shared/protocol/index.js'

/** How the day was chosen on the form; the summary words it the same way. */
export type DayChoice = 'today' | 'next' | 'range' | 'date'

/**
 * A checked form, ready to confirm: the exact request body plus what the confirm and receipt
 * steps need to describe it (names, the reason's label and category).
 */
export interface ReportDraft {
  request: CreateReportRequest & { symptoms: string[]; temperature: number | null; time: string | null; message: string }
  children: GuardianChild[]
  reason: Reason
  dayChoice: DayChoice
  /** The school's "today" when the draft was made, to word 今日 / 明日. */
  today: string
  /** Chosen pupil-days that already had a report; `request.mode` says what this one does to them. */
  existing: ExistingReport[]
}

/** A chosen pupil-day that already has a report, with the kinds reported (newest first). */
export interface ExistingReport {
  child: GuardianChild
  date: string
  kinds: ReportKind[]
}

/**
 * The chosen pupil-days that already have a live report, from the page's data: the form asks
 * "change or add?" before sending. The server checks again (another guardian may have
 * reported since the page loaded).
 */
export function existingReports(home: GuardianHome, pupilIds: readonly number[], fromDate: string, toDate: string): ExistingReport[] {
  if (!fromDate || !toDate) return []
  const children = new Map(home.children.map((c) => [c.pupilId, c]))
  return home.reportedDays
    .filter((d) => pupilIds.includes(d.pupilId) && d.date >= fromDate && d.date <= toDate)
    .map((d) => ({ child: children.get(d.pupilId)!, date: d.date, kinds: d.kinds }))
    .filter((e) => e.child)
}

/**
 * A fresh submission key matching /^[A-Za-z0-9_-]{16,64}$/. `crypto.randomUUID` exists only
 * in secure contexts (https or localhost), so plain http on a school LAN falls back to
 * `getRandomValues`, which is available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '')
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Whether two requests say the same thing (the key aside): then they may share one key. */
export function sameContent(a: CreateReportRequest, b: CreateReportRequest): boolean {
  const norm = ({ idempotencyKey: _key, ...rest }: CreateReportRequest) => JSON.stringify({ ...rest, pupilIds: [...rest.pupilIds].sort((x, y) => x - y) })
  return norm(a) === norm(b)
}

/** Reason categories for which symptoms and a temperature are asked. */
export function asksSymptoms(reason: Reason | undefined): boolean {
  return reason?.category === 'illness' || reason?.category === 'suspension'
}
