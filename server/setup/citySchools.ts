import type { CitySchools, CreateCitySchoolRequest } from '../../shared/protocol/index.js'
import type { CityPrincipal } from '../auth/principal.js'
import { hashPassword } from '../auth/password.js'
import { getOrganisation, listSchools } from '../data/organisations.js'
import type { Sql } from '../db/types.js'
import { AppError } from '../errors.js'
import { createSchoolWithAdmin } from './newSchool.js'

/** Every school of the city administrator's organisation. */
export async function citySchools(sql: Sql, who: CityPrincipal): Promise<CitySchools> {
  const organisation = await getOrganisation(sql, who.cityId)
  if (!organisation) throw new AppError('NOT_FOUND')
  return { ok: true, organisation, schools: await listSchools(sql, who.cityId) }
}

/** A further school of the organisation, with its calendar and first administrator, in one transaction. */
export async function createCitySchool(sql: Sql, who: CityPrincipal, r: CreateCitySchoolRequest): Promise<number> {
  const passwordHash = await hashPassword(r.admin.password)
  const { schoolId } = await sql.begin((tx) => createSchoolWithAdmin(tx, who.cityId, r.school, { ...r.admin, passwordHash }))
  return schoolId
}
