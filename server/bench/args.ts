import { databaseModes, int, parseFlags, toggle } from './flags.js'

export type BenchMode = 'embedded' | 'postgres' | 'both'

export interface BenchOptions {
  reports: number
  boards: number
  mode: BenchMode
  /** Independent repetitions per mode (fresh database each); figures are combined by median. */
  runs: number
  /** Reports (and baseline operations) thrown away first, so JIT and caches are warm. */
  warmupReports: number
  warmupBaseline: number
  /** Baseline operations measured; as many as reports, so both sides have the same sample size. */
  baselineOps: number
}

const USAGE = `usage: npm run bench -- [--reports N] [--boards N] [--mode embedded|postgres|both] [--runs N] [--quick]
  --reports N   reports measured per run (default 1000)
  --boards N    board sockets connected (default 50)
  --mode M      database mode(s) to measure (default both; PostgreSQL is skipped when it does not answer)
  --runs N      repetitions per mode, combined by median (default 1)
  --quick       smoke run for CI: 100 reports, 10 boards
  DATABASE_URL  PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/postgres)`

/** Reads `npm run bench`'s command line; a bad one throws a UsageError (flags.ts). */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const given = parseFlags(argv, { reports: int(), boards: int(), mode: databaseModes(), runs: int(1), quick: toggle() }, USAGE)
  const { mode, runs, quick } = given
  // --quick only lowers what was not given explicitly, so `--quick --boards 50` still works.
  const reports = given.reports ?? (quick ? 100 : 1000)
  const boards = given.boards ?? (quick ? 10 : 50)
  return { reports, boards, mode, runs, warmupReports: quick ? 10 : 20, warmupBaseline: quick ? 20 : 50, baselineOps: reports }
}
