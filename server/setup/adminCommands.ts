import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { CALENDAR_TEMPLATES } from '../../shared/domain/calendarTemplates.js'
import { ADMIN_PASSWORD_RULE, FirstAdminInput, NewSchoolInput, OrganisationInput } from '../../shared/protocol/index.js'
import { fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { hashPassword } from '../auth/password.js'
import type { Clock } from '../clock.js'
import { createCityAdmin, createOrganisation, getOrganisation, listOrganisations, listSchools } from '../data/organisations.js'
import { createStaff } from '../data/schoolSetup.js'
import type { Sql } from '../db/types.js'
import { AppError } from '../errors.js'
import { claimLoginId } from '../registration/register.js'
import { createSchoolWithAdmin } from './newSchool.js'

/**
 * `npm run admin -- …`: scripted installs and recovery without a browser. Every argument is
 * checked with the same schemas as the setup page; messages are Japanese, then English.
 * Passwords never go on the command line (other users see it in `ps`): they come from the
 * ASAGAO_ADMIN_PASSWORD variable, or a strong one is generated and printed once.
 */
export const USAGE = `使い方 / Usage: npm run admin -- <command> [options]

  list-schools
      設置者と学校の一覧 / list organisations and their schools
  create-school --name 学校名 [--code 学校コード] [--year 年度] [--calendar ひな形]
                (--organisation-id N | --organisation 名前 --kind municipality|school_corporation)
                --login ID --family 姓 --given 名
      学校と最初の管理者を作成 / create a school (with its calendar) and its first administrator
  create-admin (--school N | --organisation-id N) --login ID --family 姓 --given 名
      学校の管理者 (--school) または市区町村の管理者 (--organisation-id) を作成
      / create a school administrator (--school) or a city administrator (--organisation-id)
  reset-admin --login ID
      管理者のパスワードを再設定し、ログイン中のセッションを終了
      / set a new password for an administrator and end their sessions

  パスワード / Password: ASAGAO_ADMIN_PASSWORD があればそれを使い、なければ生成して一度だけ表示します。
      Taken from ASAGAO_ADMIN_PASSWORD, or generated and printed once.
      ${ADMIN_PASSWORD_RULE.ja}
      ${ADMIN_PASSWORD_RULE.en}
  カレンダー / Calendar templates: ${CALENDAR_TEMPLATES.map((t) => `${t.id} (${t.label.ja})`).join(', ')}`

export interface CommandContext {
  sql: Sql
  clock: Clock
  env: Record<string, string | undefined>
  out: (line: string) => void
  err: (line: string) => void
}

/** A refusal of the arguments: printed as it is, exit code 2. */
class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' }, code: { type: 'string' }, year: { type: 'string' }, calendar: { type: 'string' },
  organisation: { type: 'string' }, 'organisation-id': { type: 'string' }, kind: { type: 'string' },
  school: { type: 'string' }, login: { type: 'string' }, family: { type: 'string' }, given: { type: 'string' },
} as const
type Options = Partial<Record<keyof typeof OPTIONS, string>>

/** Runs one command; returns the process exit code (0 done, 1 refused by the data, 2 bad arguments). */
export async function runAdminCommand(args: string[], ctx: CommandContext): Promise<number> {
  try {
    const [command, ...rest] = args
    if (!command || command === 'help' || command === '--help') {
      ;(command ? ctx.out : ctx.err)(USAGE)
      return command ? 0 : 2
    }
    const opts = parseOptions(rest)
    switch (command) {
      case 'list-schools':
        return await listSchoolsCommand(ctx)
      case 'create-school':
        return await createSchoolCommand(ctx, opts)
      case 'create-admin':
        return await createAdminCommand(ctx, opts)
      case 'reset-admin':
        return await resetAdminCommand(ctx, opts)
      default:
        throw new UsageError(`不明なコマンドです / unknown command: ${command}\n\n${USAGE}`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(err.message)
      return 2
    }
    if (err instanceof AppError) {
      ctx.err(`できませんでした / refused: ${err.message}${err.fields ? ` (${Object.values(err.fields).join(', ')})` : ''}`)
      return 1
    }
    throw err
  }
}

function parseOptions(rest: string[]): Options {
  try {
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: true })
    if (positionals.length) throw new UsageError(`余分な引数があります / unexpected argument: ${positionals.join(' ')}`)
    return values as Options
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`引数が正しくありません / bad arguments: ${(err as Error).message}\n\n${USAGE}`)
  }
}

/**
 * Collects the problems of several arguments so one run names them all, each by the option to
 * fix; `done` throws them together.
 */
class Checks {
  private lines: string[] = []
  /** Parses with a shared schema; on failure notes each problem and returns undefined. */
  parse<S extends z.ZodType>(schema: S, input: unknown, flags: Record<string, string>): z.output<S> | undefined {
    const r = schema.safeParse(input)
    if (r.success) return r.data
    for (const i of r.error.issues) {
      // The password rule is shown in both languages: the administrator has to pick a new one.
      const message = i.message === ADMIN_PASSWORD_RULE.ja ? `${i.message} / ${ADMIN_PASSWORD_RULE.en}` : i.message
      this.lines.push(`  ${flags[i.path.join('.')] ?? i.path.join('.')}: ${message}`)
    }
    return undefined
  }
  done(): void {
    if (this.lines.length) throw new UsageError(`入力に誤りがあります / invalid arguments:\n${this.lines.join('\n')}`)
  }
}

const positiveId = (value: string | undefined, flag: string): number => {
  if (value === undefined || !/^[1-9][0-9]{0,9}$/.test(value)) throw new UsageError(`${flag} には番号を指定してください (list-schools で確認できます) / ${flag} must be a number (see list-schools)`)
  return Number(value)
}

/** The new password: the environment's, checked against the rule, or a generated one that passes it. */
function newPassword(ctx: CommandContext): { password: string; generated: boolean } {
  const given = ctx.env.ASAGAO_ADMIN_PASSWORD
  if (given !== undefined) return { password: given, generated: false }
  // 16 characters of base64url with a digit guaranteed: well past the rule.
  return { password: `${randomBytes(12).toString('base64url')}7a`, generated: true }
}

function printPassword(ctx: CommandContext, loginId: string, p: { password: string; generated: boolean }) {
  if (!p.generated) return
  ctx.out(`  パスワード / password for ${loginId}: ${p.password}`)
  ctx.out('  (この表示は一度だけです。ログイン後に変更してください / shown once: change it after logging in)')
}

async function listSchoolsCommand(ctx: CommandContext): Promise<number> {
  const organisations = await listOrganisations(ctx.sql)
  const schools = await listSchools(ctx.sql, null)
  if (!schools.length && !organisations.length) {
    ctx.out('学校はまだありません / no schools yet. npm run admin -- create-school … で作成できます。')
    return 0
  }
  for (const o of organisations) {
    ctx.out(`設置者 ${o.id}: ${o.name} (${o.kind})`)
    for (const s of schools.filter((x) => x.organisationId === o.id)) ctx.out(`  ${schoolLine(s)}`)
  }
  const loose = schools.filter((x) => x.organisationId === null)
  if (loose.length) {
    ctx.out('設置者なし / no organisation')
    for (const s of loose) ctx.out(`  ${schoolLine(s)}`)
  }
  return 0
}

const schoolLine = (s: Awaited<ReturnType<typeof listSchools>>[number]) =>
  `学校 ${s.id}: ${s.name}${s.schoolCode ? ` [${s.schoolCode}]` : ''} — 管理者 ${s.admins}名 / admins, 在籍 ${s.pupils}名 / pupils, 年度 ${s.currentYear ?? '-'}`

async function createSchoolCommand(ctx: CommandContext, o: Options): Promise<number> {
  const organisationId = o['organisation-id'] !== undefined ? positiveId(o['organisation-id'], '--organisation-id') : null
  if (organisationId === null && o.organisation === undefined) throw new UsageError('--organisation-id か --organisation と --kind を指定してください / give --organisation-id, or --organisation with --kind')
  if (organisationId !== null && (o.organisation !== undefined || o.kind !== undefined)) throw new UsageError('--organisation-id と --organisation は同時に使えません / --organisation-id and --organisation exclude each other')
  const checks = new Checks()
  const newOrganisation = organisationId === null ? checks.parse(OrganisationInput, { kind: o.kind, name: o.organisation }, { kind: '--kind', name: '--organisation' }) : null
  const today = schoolDateOf(ctx.clock.now(), SCHOOL_ZONE)
  const school = checks.parse(
    NewSchoolInput,
    { name: o.name, schoolCode: o.code ?? '', fiscalYear: o.year === undefined ? fiscalYearOf(today) : Number(o.year), calendarTemplate: o.calendar ?? 'standard' },
    { name: '--name', schoolCode: '--code', fiscalYear: '--year', calendarTemplate: '--calendar' },
  )
  const { admin, password } = adminArguments(ctx, o, checks)
  checks.done()
  if (!school || !admin) return 2
  if (organisationId !== null && !(await getOrganisation(ctx.sql, organisationId))) throw new UsageError(`設置者 ${organisationId} はありません / no organisation ${organisationId} (see list-schools)`)
  const passwordHash = await hashPassword(admin.password)
  const created = await ctx.sql.begin(async (tx) => {
    const orgId = organisationId ?? (await createOrganisation(tx, newOrganisation!))
    return { orgId, ...(await createSchoolWithAdmin(tx, orgId, school, { ...admin, passwordHash })) }
  })
  ctx.out(`学校 ${created.schoolId} を作成しました / created school ${created.schoolId}: ${school.name} (設置者 / organisation ${created.orgId}, ${school.fiscalYear}年度, calendar ${school.calendarTemplate})`)
  ctx.out(`  管理者 / administrator: ${admin.loginId}`)
  printPassword(ctx, admin.loginId, password)
  return 0
}

const ADMIN_FLAGS = { familyName: '--family', givenName: '--given', loginId: '--login', password: 'ASAGAO_ADMIN_PASSWORD' }

/** The administrator's name, login id and password, checked like the setup form's. */
function adminArguments(ctx: CommandContext, o: Options, checks: Checks) {
  const loginId = o.login ?? ''
  const password = newPassword(ctx)
  const admin = checks.parse(FirstAdminInput, { familyName: o.family, givenName: o.given, loginId, password: password.password }, ADMIN_FLAGS)
  return { admin, password }
}

async function createAdminCommand(ctx: CommandContext, o: Options): Promise<number> {
  if ((o.school === undefined) === (o['organisation-id'] === undefined)) throw new UsageError('--school か --organisation-id のどちらか一つを指定してください / give exactly one of --school and --organisation-id')
  const schoolId = o.school !== undefined ? positiveId(o.school, '--school') : null
  const organisationId = o['organisation-id'] !== undefined ? positiveId(o['organisation-id'], '--organisation-id') : null
  const checks = new Checks()
  const { admin, password } = adminArguments(ctx, o, checks)
  checks.done()
  if (!admin) return 2
  if (schoolId !== null && !(await ctx.sql`select 1 from school where id = ${schoolId}`).length) throw new UsageError(`学校 ${schoolId} はありません / no school ${schoolId} (see list-schools)`)
  if (organisationId !== null && !(await getOrganisation(ctx.sql, organisationId))) throw new UsageError(`設置者 ${organisationId} はありません / no organisation ${organisationId} (see list-schools)`)
  const passwordHash = await hashPassword(admin.password)
  await ctx.sql.begin(async (tx) => {
    await claimLoginId(tx, admin.loginId)
    const person = { loginId: admin.loginId, passwordHash, familyName: admin.familyName, givenName: admin.givenName }
    if (schoolId !== null) await createStaff(tx, { ...person, schoolId, roles: ['admin'] })
    else await createCityAdmin(tx, { ...person, organisationId: organisationId! })
  })
  ctx.out(schoolId !== null
    ? `学校 ${schoolId} の管理者 ${admin.loginId} を作成しました / created administrator ${admin.loginId} of school ${schoolId}`
    : `設置者 ${organisationId} の市区町村管理者 ${admin.loginId} を作成しました / created city administrator ${admin.loginId} of organisation ${organisationId}`)
  printPassword(ctx, admin.loginId, password)
  return 0
}

async function resetAdminCommand(ctx: CommandContext, o: Options): Promise<number> {
  const loginId = (o.login ?? '').trim()
  if (!loginId) throw new UsageError('--login を指定してください / give --login')
  const [account] = await ctx.sql<{ id: number; roles: string[] }[]>`select id, roles from staff where lower(login_id) = lower(${loginId})`
  const isAdmin = account?.roles.some((r) => ['admin', 'principal', 'vice_principal', 'city_admin'].includes(r))
  if (!account || !isAdmin) throw new UsageError(`管理者 ${loginId} はいません (教職員・保護者のパスワードは管理ページで再設定します) / no administrator ${loginId} (staff and guardians are reset from the admin page)`)
  const checks = new Checks()
  const password = newPassword(ctx)
  checks.parse(FirstAdminInput.shape.password, password.password, { '': 'ASAGAO_ADMIN_PASSWORD' })
  checks.done()
  const passwordHash = await hashPassword(password.password)
  // A reset is also the way back in for a locked-out administrator: the account is enabled again.
  const ended = await ctx.sql.begin(async (tx) => {
    await tx`update staff set password_hash = ${passwordHash}, disabled_at = null where id = ${account.id}`
    return tx`delete from user_session where staff_id = ${account.id}`
  })
  ctx.out(`管理者 ${loginId} のパスワードを再設定しました (終了したセッション ${ended.count}件) / reset the password of ${loginId} (${ended.count} sessions ended)`)
  printPassword(ctx, loginId, password)
  return 0
}
