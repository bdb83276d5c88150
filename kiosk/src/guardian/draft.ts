import type { CreateReportRequest, GuardianChild, Reason } from '../../../shared/protocol/index.js'

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
