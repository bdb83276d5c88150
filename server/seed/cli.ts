import { systemClock } from '../clock.js'
import { ConfigError, loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import type { Q, Sql } from '../db/types.js'
import { hashPassword } from '../auth/password.js'
import { CITY_ADMIN_LOGIN, seedCity } from './city.js'
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SCHOOL_NAME, isDatabaseEmpty, seedDemo } from './demo.js'

/**
 * `npm run seed -- --demo`: creates the demo school in the configured database (DATABASE_URL,
 * or the embedded one in ASAGAO_DATA_DIR), the same one the server would create on first start.
 * Only an empty database is seeded, so real data is never mixed with demo people.
 */
const USAGE = `Usage: npm run seed -- --demo
       npm run seed -- --city N

  --demo     create the demo school (${DEMO_SCHOOL_NAME}) in an empty database
  --city N   create a demo city of N schools (300–1,000 pupils each, the school year so far,
             a flu wave, a city administrator) in an empty database`

async function run(): Promise<number> {
  const args = process.argv.slice(2)
  const city = args[0] === '--city' && args.length === 2 && /^[1-9][0-9]{0,2}$/.test(args[1]!) ? Number(args[1]) : null
  if (city === null && (args.length !== 1 || args[0] !== '--demo')) {
    console.error(USAGE)
    return 2
  }
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      return 2
    }
    throw err
  }
  const db = await openDatabase(config, 2)
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`
  try {
    if (!(await isDatabaseEmpty(db.sql))) {
      console.error(`${where} already has a school; the demo is only created in an empty database.\nUse a new ASAGAO_DATA_DIR or an empty PostgreSQL database.`)
      return 1
    }
    const started = Date.now()
    if (city !== null) return await seedDemoCity(db.sql, city, where)
    const schoolId = await seedDemo(db.sql, systemClock)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const counts = await countsFor(db.sql, schoolId)
    console.log([
      `Created ${DEMO_SCHOOL_NAME} in ${where} (${seconds} s):`,
      `  ${counts.classes} classes, ${counts.pupils} pupils, ${counts.staff} staff, ${counts.guardians} guardians,`,
      `  ${counts.reports} guardian reports over ${counts.days} school days.`,
      '',
      `Demo logins (password: ${DEMO_PASSWORD})`,
      ...Object.entries(DEMO_LOGINS).map(([who, id]) => `  ${id.padEnd(10)} ${who}`),
      '',
      'Start the server (npm start): it prints a link that pairs the staff-room board.',
    ].join('\n'))
    return 0
  } finally {
    await db.close()
  }
}

async function seedDemoCity(sql: Sql, schools: number, where: string): Promise<number> {
  const started = Date.now()
  console.log(`Creating a city of ${schools} schools in ${where}…`)
  const city = await seedCity(sql, { schools, nowMs: systemClock.now(), passwordHash: await hashPassword(DEMO_PASSWORD), progress: (line) => console.log(line) })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log([
    `Created ${schools} schools in ${seconds} s: ${city.pupils} pupils, ${city.marks} register marks, ${city.reports} guardian reports.`,
    '',
    `City administrator (password: ${DEMO_PASSWORD})`,
    `  ${CITY_ADMIN_LOGIN}  教育委員会: the city's live view at /city/`,
    `Each school's administrator: c${city.organisationId}-s1-admin … c${city.organisationId}-s${schools}-admin (same password)`,
  ].join('\n'))
  return 0
}

async function countsFor(q: Q, schoolId: number): Promise<Record<'classes' | 'pupils' | 'staff' | 'guardians' | 'reports' | 'days', number>> {
  const [row] = await q<Record<'classes' | 'pupils' | 'staff' | 'guardians' | 'reports' | 'days', number>[]>`
    select (select count(*)::int from school_class where school_year_id = (select id from school_year where school_id = ${schoolId} order by fiscal_year desc limit 1)) as classes,
           (select count(*)::int from pupil where school_id = ${schoolId}) as pupils,
           (select count(*)::int from staff where school_id = ${schoolId}) as staff,
           (select count(distinct guardian_id)::int from guardian_pupil where school_id = ${schoolId}) as guardians,
           (select count(*)::int from guardian_report where school_id = ${schoolId}) as reports,
           (select count(distinct date)::int from guardian_report_day where school_id = ${schoolId}) as days`
  return row!
}

process.exitCode = await run()
