import { AppError } from '../http/errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { createSchoolYear } from '../seed/schoolSetup.js'

/** A new school year (the start of 進級); its classes and pupils come with the roster import. */
export async function addSchoolYear(deps: ChangeDeps, schoolId: number, fiscalYear: number): Promise<number> {
  return runChange(deps, schoolId, async (tx, change) => {
    const [exists] = await tx`select 1 from school_year where school_id = ${schoolId} and fiscal_year = ${fiscalYear}`
    if (exists) throw new AppError('YEAR_EXISTS')
    change.school('roster')
    return createSchoolYear(tx, schoolId, fiscalYear)
  })
}
