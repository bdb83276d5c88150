import { parseArgs, type BenchOptions } from './args.js'
import { DEFAULT_DATABASE_URL, postgresAnswers, redactUrl } from './databases.js'
import { exitOnUsageError } from './flags.js'
import { measureMode, openDatabases } from './measureMode.js'
import { header, table } from './report.js'

/**
 * `npm run bench`: report → board latency in embedded and PostgreSQL mode, next to a bare
 * INSERT + broadcast baseline measured in the same run. It prints figures and never judges
 * them: wall-clock limits would only make slow CI machines fail.
 */
async function main(opts: BenchOptions): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  console.log(header(opts))
  let status = 0

  if (opts.mode !== 'postgres') {
    const r = await measureMode('embedded', opts, databaseUrl, (run, i) => opts.runs > 1 && console.log(table(run, `embedded run ${i + 1}`)))
    console.log(table(r))
  }

  if (opts.mode !== 'embedded') {
    if (await postgresAnswers(databaseUrl)) {
      const r = await measureMode('postgres', opts, databaseUrl, (run, i) => opts.runs > 1 && console.log(table(run, `postgres run ${i + 1}`)))
      console.log(table(r))
    } else {
      console.log(`\npostgres — skipped: no PostgreSQL answered at ${redactUrl(databaseUrl)} (set DATABASE_URL)`)
      // Asked for by name, a missing server is an error; as part of "both" it is just absent.
      if (opts.mode === 'postgres') status = 1
    }
  }
  return status
}

/** Ctrl-C still drops the bench's PostgreSQL database. */
process.once('SIGINT', () => {
  console.error('\ninterrupted: closing the bench databases (requests in flight may log errors)')
  void Promise.allSettled([...openDatabases].map((db) => db.close())).then(() => process.exit(130))
})

const opts = exitOnUsageError(() => parseArgs(process.argv.slice(2)))
main(opts).then(
  // Exit explicitly: PGlite and the pools may keep timers alive after everything is closed.
  (status) => process.exit(status),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
