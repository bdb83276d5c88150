import { hashToken, newToken } from '../auth/tokens.js'
import { hasSchool } from '../data/schools.js'
import type { Q, Sql } from '../db/types.js'
import { AppError } from '../errors.js'

/** How long the printed setup link stays valid. */
export const SETUP_LINK_HOURS = 24

/**
 * A new one-time setup link for an empty database. Only the token's hash is kept; the token is
 * printed once. Earlier unused links are dropped, so the link printed last is the one that works.
 */
export async function issueSetupLink(sql: Sql, nowMs: number): Promise<{ token: string; path: string; expiresAt: string }> {
  const token = newToken()
  const expiresAt = new Date(nowMs + SETUP_LINK_HOURS * 3_600_000).toISOString()
  await sql.begin(async (tx) => {
    await tx`delete from setup_token where used_at is null`
    await tx`insert into setup_token (token_hash, expires_at) values (${hashToken(token)}, ${expiresAt})`
  })
  return { token, path: setupPath(token), expiresAt }
}

/** The token travels in the fragment: browsers send it neither to the server's access log nor as a Referer. */
export const setupPath = (token: string) => `/setup/#${token}`

/**
 * The live setup link for this token, or the refusal: unknown (guessed, or replaced by a newer
 * link), used, expired, or setup already done. `forUpdate` locks the row for the transaction
 * that uses it, so two submissions cannot both succeed.
 */
export async function liveSetupLink(q: Q, token: string, nowMs: number, forUpdate = false): Promise<{ tokenHash: string; expiresAt: string }> {
  const tokenHash = hashToken(token)
  const [row] = forUpdate
    ? await q<{ usedAt: Date | null; expiresAt: Date }[]>`select used_at, expires_at from setup_token where token_hash = ${tokenHash} for update`
    : await q<{ usedAt: Date | null; expiresAt: Date }[]>`select used_at, expires_at from setup_token where token_hash = ${tokenHash}`
  if (!row) throw new AppError('SETUP_LINK_INVALID')
  if (row.usedAt) throw new AppError('SETUP_LINK_USED')
  if (new Date(row.expiresAt).getTime() <= nowMs) throw new AppError('SETUP_LINK_EXPIRED')
  if (await hasSchool(q)) throw new AppError('SETUP_DONE')
  return { tokenHash, expiresAt: new Date(row.expiresAt).toISOString() }
}

/** What the server prints at start while no school exists: the link, once. */
export function setupBanner(base: string, link: { path: string; expiresAt: string }): string {
  return [
    '  初期設定 / First-run setup',
    '  学校がまだありません。次のリンクを開いて、設置者・学校・最初の管理者を登録してください。',
    '  No school exists yet. Open this link to create the organisation, the school and its first administrator:',
    '',
    `    ${base}${link.path}`,
    '',
    `  一度だけ使えます / single use. 有効期限 / valid until ${link.expiresAt} (24 h); 再起動すると新しいリンク / a restart prints a new one.`,
    '  スクリプトで設定する場合 / scripted installs: npm run admin -- help',
    '',
  ].join('\n')
}
