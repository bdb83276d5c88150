import type { OrganisationKind, OrganisationSchool } from '../../shared/protocol/setup.js'
import type { Q } from '../db/types.js'

export interface Organisation {
  id: number
  kind: OrganisationKind
  name: string
}

/** The body that runs schools: a 市区町村 (its board of education) or a 学校法人. */
export async function createOrganisation(q: Q, o: { kind: OrganisationKind; name: string }): Promise<number> {
  const [row] = await q<{ id: number }[]>`insert into organisation (kind, name) values (${o.kind}, ${o.name}) returning id`
  return row!.id
}

export async function getOrganisation(q: Q, id: number): Promise<Organisation | null> {
  const [row] = await q<Organisation[]>`select id, kind, name from organisation where id = ${id}`
  return row ?? null
}

export async function listOrganisations(q: Q): Promise<Organisation[]> {
  return q<Organisation[]>`select id, kind, name from organisation order by id`
}

/** The schools of an organisation (every school when `organisationId` is null), with what an administrator checks first. */
export async function listSchools(q: Q, organisationId: number | null): Promise<OrganisationSchool[]> {
  const rows = await q<{ id: number; name: string; schoolCode: string | null; organisationId: number | null; organisationName: string | null; admins: number; pupils: number; currentYear: number | null }[]>`
    select s.id, s.name, s.school_code, s.organisation_id, o.name as organisation_name,
           (select count(*)::int from staff st where st.school_id = s.id and st.disabled_at is null
              and st.roles && array['admin','principal','vice_principal']) as admins,
           (select count(*)::int from pupil p where p.school_id = s.id and p.left_on is null) as pupils,
           (select max(fiscal_year) from school_year y where y.school_id = s.id) as current_year
    from school s left join organisation o on o.id = s.organisation_id
    where ${organisationId === null ? q`true` : q`s.organisation_id = ${organisationId}`}
    order by s.organisation_id nulls last, s.id`
  return rows
}

/** A city administrator: staff of the organisation, of no school. */
export async function createCityAdmin(q: Q, a: { organisationId: number; loginId: string; passwordHash: string; familyName: string; givenName: string }): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into staff (school_id, organisation_id, login_id, password_hash, family_name, given_name, roles)
    values (null, ${a.organisationId}, ${a.loginId}, ${a.passwordHash}, ${a.familyName}, ${a.givenName}, ${['city_admin']}) returning id`
  return row!.id
}
