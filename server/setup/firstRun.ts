import type { SetupRequest } from '../../shared/protocol/index.js'
import { fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { hashPassword } from '../auth/password.js'
import { createOrganisation } from '../data/organisations.js'
import type { Deps } from '../deps.js'
import { createSchoolWithAdmin } from './newSchool.js'
import { liveSetupLink } from './setupLink.js'

/** What the setup page shows before the form: the link is live, until when, and the school year to suggest. */
export async function checkSetup(deps: Pick<Deps, 'sql' | 'clock'>, token: string) {
  const link = await liveSetupLink(deps.sql, token, deps.clock.now())
  return { ok: true as const, expiresAt: link.expiresAt, suggestedFiscalYear: fiscalYearOf(schoolDateOf(deps.clock.now(), SCHOOL_ZONE)) }
}

/**
 * The first start: the organisation, its first school with calendar and its first
 * administrator, in one transaction that also uses up the link. Any refusal (link, login id,
 * school code) rolls everything back.
 */
export async function completeSetup(deps: Pick<Deps, 'sql' | 'clock'>, r: SetupRequest): Promise<{ schoolId: number; adminId: number }> {
  // Checked before the slow password hash, so a dead link costs nothing; checked again under lock.
  await liveSetupLink(deps.sql, r.token, deps.clock.now())
  const passwordHash = await hashPassword(r.admin.password)
  return deps.sql.begin(async (tx) => {
    const link = await liveSetupLink(tx, r.token, deps.clock.now(), true)
    const organisationId = await createOrganisation(tx, r.organisation)
    const created = await createSchoolWithAdmin(tx, organisationId, r.school, { ...r.admin, passwordHash })
    await tx`update setup_token set used_at = ${new Date(deps.clock.now()).toISOString()} where token_hash = ${link.tokenHash}`
    return created
  })
}
