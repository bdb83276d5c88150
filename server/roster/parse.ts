import { DateTime } from 'luxon'
import Papa from 'papaparse'
import { inSupportedYears, isSafeText, REQUIRED_ROSTER_FIELDS, ROSTER_FIELD_LABEL, ROSTER_FIELDS, ROSTER_MAX_CHARS, type RosterField, type RosterMapping, type RosterProblem } from '../../shared/protocol/index.js'

export interface RosterRow {
  line: number
  externalId: string | null
  grade: number
  className: string
  number: number
  familyName: string
  givenName: string
  /** Null when the file has no kana column: the pupil's kana stay as they are. */
  familyKana: string | null
  givenKana: string | null
  /** Null when the file has no guardian column: the guardian's name stays as it is. */
  guardianName: string | null
  /** 転入日・入学日 from the file, when it has that column. */
  enrolledOn: string | null
}

export interface ParsedRoster {
  headers: string[]
  mapping: RosterMapping
  rows: RosterRow[]
  problems: RosterProblem[]
}

/**
 * Header texts we recognise without asking, per field (compared after NFKC and trimming, so
 * full-width letters and brackets match too). docs/admin.md lists them: keep the two together.
 */
export const SYNONYMS: Record<RosterField, string[]> = {
  externalId: ['児童番号', '生徒番号', '学籍番号', '個人番号', '児童ID', 'ID'],
  grade: ['学年', '年'],
  className: ['組', 'クラス', '学級'],
  number: ['出席番号', '番号', '出席番'],
  name: ['氏名', '児童氏名', '生徒氏名', '名前'],
  kana: ['ふりがな', 'フリガナ', 'よみがな', 'ヨミガナ', 'かな', '氏名かな'],
  familyName: ['姓', '氏', '児童姓'],
  givenName: ['名', '児童名前'],
  familyKana: ['姓ふりがな', 'ふりがな(姓)', 'せい', '姓かな', 'フリガナ(姓)', 'セイ', '姓カナ'],
  givenKana: ['名ふりがな', 'ふりがな(名)', 'めい', '名かな', 'フリガナ(名)', 'メイ', '名カナ'],
  guardianName: ['保護者氏名', '保護者名', '保護者'],
  enrolledOn: ['転入日', '入学日', '転入学日', '在籍開始日'],
}

/** For headers and the numeric and class columns only: names are never normalised. */
const norm = (s: string) => s.normalize('NFKC').trim()
/** Names and kana exactly as written, only the surrounding blanks (half- or full-width) removed. */
const asWritten = (s: string) => s.trim()
/** Columns whose cells are normalised (full-width digits, 年/組 forms); every other cell stays as written. */
const NORMALISED: ReadonlySet<RosterField> = new Set(['externalId', 'grade', 'className', 'number', 'enrolledOn'])

/** Guesses the mapping from the header; a remembered mapping wins where its column exists. */
export function guessMapping(headers: string[], remembered: RosterMapping | null): RosterMapping {
  const present = new Set(headers.map(norm))
  const out: RosterMapping = {}
  for (const f of ROSTER_FIELDS) {
    const mine = remembered?.[f]
    if (mine && present.has(norm(mine))) out[f] = norm(mine)
    else {
      const hit = SYNONYMS[f].find((s) => present.has(norm(s)))
      if (hit) out[f] = norm(hit)
    }
  }
  return out
}

/** Splits a full name at its first space (half- or full-width): 姓 and 名, each as written. */
function splitName(s: string): [string, string] | null {
  const parts = asWritten(s).split(/\s+/).filter(Boolean)
  if (parts.length < 2) return null
  return [parts[0]!, parts.slice(1).join(' ')]
}

/** "１年", "1", "第1学年" → 1. */
function digitsOf(s: string): number | null {
  const m = /\d+/.exec(norm(s))
  return m ? Number(m[0]) : null
}

/**
 * A 転入日・入学日: 2026/4/6, 2026-04-06, 2026年4月6日, 令和8年4月6日 or R8.4.6 (full-width
 * digits too) → `2026-04-06`; null when it is not a date.
 */
export function dateOf(s: string): string | null {
  const v = norm(s).replace(/\s+/g, '')
  const western = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(v)
  const reiwa = /^(?:令和|R)(\d{1,2}|元)[年/\-.](\d{1,2})[月/\-.](\d{1,2})日?$/i.exec(v)
  const parts = western ? [Number(western[1]), Number(western[2]), Number(western[3])] : reiwa ? [2018 + (reiwa[1] === '元' ? 1 : Number(reiwa[1])), Number(reiwa[2]), Number(reiwa[3])] : null
  if (!parts) return null
  const d = DateTime.fromObject({ year: parts[0], month: parts[1], day: parts[2] }, { zone: 'utc' })
  const iso = d.isValid ? d.toISODate() : null
  return iso && inSupportedYears(iso) ? iso : null
}

/** "1" and "１組" become "1組"; a named class ("さくら") stays as it is. */
export function className(s: string): string {
  const v = norm(s)
  return /^\d+$/.test(v) ? `${Number(v)}組` : v
}

/**
 * Parses the decoded text: the first non-empty row is the header. Every problem is collected
 * with its line number, so the admin fixes the file once rather than once per problem.
 */
export function parseRoster(text: string, mappingIn: RosterMapping | null, remembered: RosterMapping | null, badLines: number[]): ParsedRoster {
  const problems: RosterProblem[] = badLines.map((line) => ({ line, message: '文字コードを読み取れない文字があります' }))
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const records = parsed.data
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex < 0) return { headers: [], mapping: {}, rows: [], problems: [...problems, { line: 1, message: 'ファイルが空です' }] }
  const headers = records[headerIndex]!.map(norm)
  const mapping = mappingIn ?? guessMapping(headers, remembered)
  const col: Partial<Record<RosterField, number>> = {}
  for (const f of ROSTER_FIELDS) {
    const h = mapping[f]
    if (!h) continue
    const i = headers.indexOf(norm(h))
    if (i < 0) problems.push({ line: headerIndex + 1, message: `見出しに「${h}」の列がありません` })
    else col[f] = i
  }
  for (const f of REQUIRED_ROSTER_FIELDS) {
    if (col[f] === undefined && !mapping[f]) problems.push({ line: headerIndex + 1, message: `「${ROSTER_FIELD_LABEL[f]}」の列を選んでください` })
  }
  // Separate 姓 and 名 columns win over one 氏名 column; one of the two ways is needed.
  const splitNames = col.familyName !== undefined && col.givenName !== undefined
  const splitKana = col.familyKana !== undefined || col.givenKana !== undefined
  if (!splitNames && col.name === undefined && !mapping.name) {
    problems.push({ line: headerIndex + 1, message: '「氏名」の列、または「姓」と「名」の列を選んでください' })
  }
  for (const e of parsed.errors) {
    if (e.type === 'Quotes') problems.push({ line: (e.row ?? 0) + 1, message: '引用符(")の対応がとれていません' })
  }
  if (REQUIRED_ROSTER_FIELDS.some((f) => col[f] === undefined) || (!splitNames && col.name === undefined)) return { headers, mapping, rows: [], problems: sortProblems(problems) }

  const rows: RosterRow[] = []
  const seenNumber = new Map<string, number>()
  const seenId = new Map<string, number>()
  // papaparse reports rows, not lines; quoted newlines are rare in rosters, so row i is line i+1.
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i]!
    const line = i + 1
    if (r.every((c) => c.trim() === '')) continue
    const cell = (f: RosterField) => (col[f] === undefined ? '' : (NORMALISED.has(f) ? norm : asWritten)(r[col[f]!] ?? ''))
    const before = problems.length
    for (const f of ROSTER_FIELDS) {
      const v = cell(f)
      if (!isSafeText(v)) problems.push({ line, message: `「${ROSTER_FIELD_LABEL[f]}」に使えない文字が含まれています` })
      else if (f !== 'className' && v.length > ROSTER_MAX_CHARS[f]) problems.push({ line, message: `「${ROSTER_FIELD_LABEL[f]}」は${ROSTER_MAX_CHARS[f]}文字までです` })
    }
    const grade = digitsOf(cell('grade'))
    if (grade === null || grade < 1 || grade > 9) problems.push({ line, message: `学年「${cell('grade')}」を読み取れません` })
    const cls = className(cell('className'))
    if (!cls) problems.push({ line, message: '組がありません' })
    else if (cls.length > ROSTER_MAX_CHARS.className) problems.push({ line, message: `組の名前「${cls}」は${ROSTER_MAX_CHARS.className}文字までです` })
    const number = digitsOf(cell('number'))
    if (number === null || number < 1 || number > 99) problems.push({ line, message: `出席番号「${cell('number')}」を読み取れません` })
    let name: [string, string] | null
    if (splitNames) {
      name = [cell('familyName'), cell('givenName')]
      if (!name[0] || !name[1]) problems.push({ line, message: !name[0] && !name[1] ? '氏名がありません' : !name[0] ? '姓がありません' : '名がありません' })
    } else {
      const rawName = cell('name')
      name = splitName(rawName)
      if (!rawName) problems.push({ line, message: '氏名がありません' })
      else if (!name) problems.push({ line, message: `氏名「${rawName}」の姓と名の間に空白を入れてください` })
    }
    const kana: [string | null, string | null] = splitKana ? [cell('familyKana'), cell('givenKana')] : col.kana === undefined ? [null, null] : (splitName(cell('kana')) ?? [cell('kana'), ''])
    const enrolledOn = cell('enrolledOn') ? dateOf(cell('enrolledOn')) : null
    if (cell('enrolledOn') && !enrolledOn) problems.push({ line, message: `転入日・入学日「${cell('enrolledOn')}」を日付として読み取れません(例: 2026/4/6)` })
    const externalId = cell('externalId') || null
    if (problems.length > before) continue
    const key = `${grade}|${cls}|${number}`
    if (seenNumber.has(key)) problems.push({ line, message: `${grade}年${cls}の出席番号${number}が${seenNumber.get(key)}行目と重複しています` })
    else seenNumber.set(key, line)
    if (externalId) {
      if (seenId.has(externalId)) problems.push({ line, message: `児童番号「${externalId}」が${seenId.get(externalId)}行目と重複しています` })
      else seenId.set(externalId, line)
    }
    rows.push({
      line, externalId, grade: grade!, className: cls, number: number!, familyName: name![0], givenName: name![1],
      familyKana: kana[0], givenKana: kana[1], guardianName: col.guardianName === undefined ? null : cell('guardianName'), enrolledOn,
    })
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: headerIndex + 2, message: '児童の行がありません' })
  return { headers, mapping, rows, problems: sortProblems(problems) }
}

const sortProblems = (p: RosterProblem[]) => [...p].sort((a, b) => a.line - b.line)
