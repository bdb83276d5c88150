import { formatCode, type PupilGuardians } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** A pupil's linked guardians and the registration codes issued for them, for the office. */
export async function pupilGuardians(q: Q, schoolId: number, pupilId: number): Promise<PupilGuardians> {
  const [p] = await q`select 1 from pupil where id = ${pupilId} and school_id = ${schoolId}`
  if (!p) throw new AppError('PUPIL_NOT_FOUND')
  const guardians = await q<{ guardianId: number; name: string; linkedAt: Date }[]>`
    select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, gp.linked_at
    from guardian_pupil gp join guardian g on g.id = gp.guardian_id where gp.pupil_id = ${pupilId} order by gp.linked_at`
  const codes = await q<{ codeId: number; code: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }[]>`
    select id as code_id, code, expires_at, used_at, revoked_at from registration_code where pupil_id = ${pupilId} order by id`
  return {
    ok: true,
    guardians: guardians.map((g) => ({ ...g, linkedAt: iso(g.linkedAt)! })),
    codes: codes.map((c) => ({ ...c, code: formatCode(c.code), expiresAt: iso(c.expiresAt)!, usedAt: iso(c.usedAt), revokedAt: iso(c.revokedAt) })),
  }
}
