import { DateTime } from 'luxon'
import type { RosterProblem } from '../../shared/protocol/index.js'
import type { ExistingPupil, RosterContext } from './context.js'
import type { RosterRow } from './parse.js'

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
  add: RosterRow[]
  update: PlannedUpdate[]
  unchanged: number
  leaving: { pupil: ExistingPupil; reason: 'graduated' | 'left'; dropMembership: boolean }[]
  /** `${grade}|${name}` of classes the file needs and the year lacks. */
  newClasses: string[]
  leftOn: string
  enrolledOn: string
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
const nameKey = (f: string, g: string, fk: string, gk: string) => `${squash(f + g)}|${squash(fk + gk)}`

/**
 * Works out what applying the file would do, without writing. The file is the whole school:
 * a pupil in the file is matched (by 児童番号, else by name and kana), one missing from it leaves.
 */
export function planRoster(ctx: RosterContext, rows: RosterRow[], opts: { createClasses: boolean; today: string }): RosterPlan {
  const { year } = ctx
  const problems: RosterProblem[] = []
  const byExt = new Map(ctx.pupils.filter((p) => p.externalId).map((p) => [p.externalId!, p]))
  const byName = new Map<string, ExistingPupil[]>()
  for (const p of ctx.pupils) {
    const k = nameKey(p.familyName, p.givenName, p.familyKana, p.givenKana)
    byName.set(k, [...(byName.get(k) ?? []), p])
  }
  const used = new Set<number>()
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
    let match: ExistingPupil | undefined = row.externalId ? byExt.get(row.externalId) : undefined
    if (!match) {
      let cands = (byName.get(nameKey(row.familyName, row.givenName, row.familyKana, row.givenKana)) ?? []).filter((p) => !used.has(p.id) && (!row.externalId || !p.externalId))
      if (cands.length > 1) cands = preferActive(cands, row, classId)
      if (cands.length > 1) {
        problems.push({ line: row.line, message: `同じ氏名・ふりがなの児童が複数います。「児童番号」の列で区別してください` })
        continue
      }
      match = cands[0]
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
      match.familyName !== row.familyName || match.givenName !== row.givenName || match.familyKana !== row.familyKana ||
      match.givenKana !== row.givenKana || match.guardianName !== row.guardianName || match.leftOn !== null ||
      (row.externalId !== null && match.externalId !== row.externalId)
    if (moved || changed) update.push({ pupil: match, row, moved, changed })
    else unchanged++
  }

  const leftOn = opts.today >= year.startsOn ? opts.today : DateTime.fromISO(year.startsOn).minus({ days: 1 }).toISODate()!
  const leaving = ctx.pupils
    .filter((p) => !used.has(p.id) && p.leftOn === null)
    .map((p) => ({
      pupil: p,
      reason: (p.current === null && p.last !== null && p.last.grade === p.last.topGrade ? 'graduated' : 'left') as 'graduated' | 'left',
      // A pupil who never attended the target year leaves no history in it: free their seat.
      dropMembership: p.current !== null && leftOn < year.startsOn,
    }))
  // A pupil who left during the year keeps their number; the file cannot give it to someone else.
  // So does anyone not in the file who attended this year (leaving now, or left earlier).
  const dropped = new Set(leaving.filter((l) => l.dropMembership).map((l) => l.pupil.id))
  const taken = new Map(
    ctx.pupils.filter((p) => !used.has(p.id) && p.current && !dropped.has(p.id)).map((p) => [`${p.current!.classId}|${p.current!.number}`, p]),
  )
  for (const row of [...add, ...update.map((u) => u.row)]) {
    const p = taken.get(`${ctx.classes.get(`${row.grade}|${row.className}`)}|${row.number}`)
    if (p) problems.push({ line: row.line, message: `出席番号${row.number}は、この年度に在籍した${p.familyName} ${p.givenName}さんの番号です` })
  }
  const enrolledOn = opts.today >= year.startsOn ? opts.today : year.startsOn
  return { problems, add, update, unchanged, leaving, newClasses: [...newClasses].sort(), leftOn, enrolledOn }
}

/** Among namesakes, the one already in that seat, else the one still enrolled. */
function preferActive(cands: ExistingPupil[], row: RosterRow, classId: number | undefined): ExistingPupil[] {
  const seat = cands.filter((p) => p.current && p.current.classId === classId && p.current.number === row.number)
  if (seat.length) return seat
  const active = cands.filter((p) => p.leftOn === null)
  return active.length ? active : cands
}
