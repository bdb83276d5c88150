import { DateTime } from 'luxon'
import type { RosterAnswers, RosterProblem, RosterQuestion } from '../../shared/protocol/index.js'
import type { ExistingPupil, RosterContext } from './context.js'
import type { RosterRow } from './parse.js'

export type RosterMode = 'full' | 'partial'

export interface PlannedUpdate {
  pupil: ExistingPupil
  row: RosterRow
  /** Class or attendance number differs (or no membership yet in the target year). */
  moved: boolean
  /** Name, kana, guardian, id, or coming back after having left. */
  changed: boolean
}

export interface RosterPlan {
  problems: RosterProblem[]
  /** Namesakes the file cannot tell apart: answered or still open. */
  questions: RosterQuestion[]
  mode: RosterMode
  suggestedMode: RosterMode
  add: RosterRow[]
  update: PlannedUpdate[]
  unchanged: number
  leaving: { pupil: ExistingPupil; reason: 'graduated' | 'left'; dropMembership: boolean }[]
  /** `${grade}|${name}` of classes the file needs and the year lacks. */
  newClasses: string[]
  leftOn: string
  /** The enrolment date of an added pupil whose row gives none. */
  enrolledOn: string
}

/** Names are compared as written, only blanks ignored: 髙 and 高, or 塚 and its compatibility form, are different names. */
const squash = (s: string) => s.replace(/\s+/g, '')
const nameKey = (f: string, g: string, fk: string | null, gk: string | null) => (fk === null ? squash(f + g) : `${squash(f + g)}|${squash(fk + (gk ?? ''))}`)
const rowKey = (r: RosterRow) => nameKey(r.familyName, r.givenName, r.familyKana, r.givenKana)

/** Whether the row's grade fits the pupil: the same grade this year, or last year's grade or the next one (進級, 留年). */
function plausible(p: ExistingPupil, row: RosterRow): boolean {
  if (p.current) return p.current.grade === row.grade
  if (p.last) return row.grade === p.last.grade || row.grade === p.last.grade + 1
  return true
}

/**
 * Works out what applying the file would do, without writing. A row is matched to a pupil by
 * 児童番号; without one, by name and kana only when that is unambiguous (the namesake already in
 * that seat, or one candidate, one such row, a fitting grade); otherwise the admin is asked. In `full` mode the file is the
 * whole school and an enrolled pupil missing from it leaves; in `partial` mode nobody else is touched.
 */
export function planRoster(ctx: RosterContext, rows: RosterRow[], opts: { createClasses: boolean; today: string; mode?: RosterMode; answers?: RosterAnswers | null }): RosterPlan {
  const { year } = ctx
  const problems: RosterProblem[] = []
  const questions: RosterQuestion[] = []
  const byExt = new Map(ctx.pupils.filter((p) => p.externalId).map((p) => [p.externalId!, p]))
  const byName = new Map<string, ExistingPupil[]>()
  // A file without kana is matched by name alone (and asks more often).
  for (const p of ctx.pupils) {
    for (const k of [nameKey(p.familyName, p.givenName, p.familyKana, p.givenKana), nameKey(p.familyName, p.givenName, null, null)]) byName.set(k, [...(byName.get(k) ?? []), p])
  }
  const rowsByName = new Map<string, number>()
  for (const r of rows) if (!(r.externalId && byExt.has(r.externalId))) rowsByName.set(rowKey(r), (rowsByName.get(rowKey(r)) ?? 0) + 1)
  const classLabel = new Map([...ctx.classes].map(([k, id]) => [id, k.replace('|', '年')]))
  const label = (p: ExistingPupil) =>
    `${p.familyName} ${p.givenName}(${p.familyKana} ${p.givenKana})` +
    (p.current ? ` ${classLabel.get(p.current.classId)} ${p.current.number}番` : p.last ? ` ${p.last.fiscalYear}年度 ${p.last.grade}年` : '') +
    (p.externalId ? ` 児童番号${p.externalId}` : '') + (p.leftOn ? ` ${p.leftOn}に転出・卒業` : '')

  const used = new Set<number>()
  /** Candidates of open questions: not counted as leaving while the admin decides. */
  const pending = new Set<number>()
  const newClasses = new Set<string>()
  const add: RosterRow[] = []
  const update: PlannedUpdate[] = []
  let unchanged = 0

  for (const row of rows) {
    const classKey = `${row.grade}|${row.className}`
    const classId = ctx.classes.get(classKey)
    if (classId === undefined) {
      if (opts.createClasses) newClasses.add(classKey)
      else problems.push({ line: row.line, message: `${row.grade}年${row.className}は${year.fiscalYear}年度にありません(先に組を作るか「組を作る」を選んでください)` })
    }
    if (row.enrolledOn && row.enrolledOn > year.endsOn) problems.push({ line: row.line, message: `転入日・入学日${row.enrolledOn}は${year.fiscalYear}年度より後です` })
    let match: ExistingPupil | undefined = row.externalId ? byExt.get(row.externalId) : undefined
    if (!match) {
      // Two different 児童番号 are two children, whatever their names.
      const cands = (byName.get(rowKey(row)) ?? []).filter((p) => !row.externalId || !p.externalId)
      const answer = opts.answers?.[String(row.line)]
      // The pupil already in this very seat under this name is this row: a re-import needs no answers.
      const seated = cands.filter((p) => p.current && p.current.classId === classId && p.current.number === row.number)
      const ambiguous = seated.length === 1 ? false : cands.length > 1 || (cands.length === 1 && (!plausible(cands[0]!, row) || (rowsByName.get(rowKey(row)) ?? 0) > 1))
      if (ambiguous || (answer !== undefined && cands.length > 0)) {
        questions.push({
          line: row.line,
          row: `${row.grade}年${row.className} ${row.number}番 ${row.familyName} ${row.givenName}${row.familyKana === null ? '' : `(${row.familyKana} ${row.givenKana})`}`,
          candidates: cands.map((p) => ({ pupilId: p.id, label: label(p) })),
          answer: answer ?? null,
        })
        if (answer === undefined) {
          for (const p of cands) pending.add(p.id)
          continue
        }
        if (answer !== 'new' && !cands.some((p) => p.id === answer)) {
          problems.push({ line: row.line, message: '選んだ児童はこの行の候補にありません' })
          continue
        }
        match = answer === 'new' ? undefined : cands.find((p) => p.id === answer)
      } else match = seated[0] ?? cands[0]
    }
    if (match && used.has(match.id)) {
      problems.push({ line: row.line, message: '同じ児童が二度出てきます' })
      continue
    }
    if (!match) {
      add.push(row)
      continue
    }
    used.add(match.id)
    const moved = !match.current || classId === undefined || match.current.classId !== classId || match.current.number !== row.number
    const changed =
      match.familyName !== row.familyName || match.givenName !== row.givenName ||
      (row.familyKana !== null && (match.familyKana !== row.familyKana || match.givenKana !== row.givenKana)) ||
      (row.guardianName !== null && match.guardianName !== row.guardianName) || match.leftOn !== null ||
      (row.externalId !== null && match.externalId !== row.externalId)
    if (moved || changed) update.push({ pupil: match, row, moved, changed })
    else unchanged++
  }

  // A file that leaves out a class with enrolled pupils is most likely one class or a few transfers.
  const fileClasses = new Set(rows.map((r) => ctx.classes.get(`${r.grade}|${r.className}`)))
  const enrolledClasses = new Set(ctx.pupils.filter((p) => p.leftOn === null && p.current).map((p) => p.current!.classId))
  const suggestedMode: RosterMode = [...enrolledClasses].some((c) => !fileClasses.has(c)) ? 'partial' : 'full'
  const mode = opts.mode ?? suggestedMode

  const leftOn = opts.today >= year.startsOn ? opts.today : DateTime.fromISO(year.startsOn).minus({ days: 1 }).toISODate()!
  const leaving = mode === 'partial' ? [] : ctx.pupils
    .filter((p) => !used.has(p.id) && !pending.has(p.id) && p.leftOn === null)
    .map((p) => ({
      pupil: p,
      reason: (p.current === null && p.last !== null && p.last.grade === p.last.topGrade ? 'graduated' : 'left') as 'graduated' | 'left',
      // A pupil who never attended the target year leaves no history in it: free their seat.
      dropMembership: p.current !== null && leftOn < year.startsOn,
    }))
  // A pupil who left during the year keeps their number; the file cannot give it to someone else.
  // So does anyone not in the file who attended this year (leaving now, left earlier, or untouched by a partial file).
  const dropped = new Set(leaving.filter((l) => l.dropMembership).map((l) => l.pupil.id))
  const taken = new Map(
    ctx.pupils.filter((p) => !used.has(p.id) && !pending.has(p.id) && p.current && !dropped.has(p.id)).map((p) => [`${p.current!.classId}|${p.current!.number}`, p]),
  )
  for (const row of [...add, ...update.map((u) => u.row)]) {
    const p = taken.get(`${ctx.classes.get(`${row.grade}|${row.className}`)}|${row.number}`)
    if (p) problems.push({ line: row.line, message: `出席番号${row.number}は、この年度に在籍した${p.familyName} ${p.givenName}さんの番号です` })
  }
  const enrolledOn = opts.today >= year.startsOn ? opts.today : year.startsOn
  return { problems, questions, mode, suggestedMode, add, update, unchanged, leaving, newClasses: [...newClasses].sort(), leftOn, enrolledOn }
}
