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

/** A bad command line, or `--help` (`help` set: print the usage and exit 0). */
export class UsageError extends Error {
  constructor(message: string, readonly help = false) {
    super(`${message}\n${USAGE}`)
  }
}

function positiveInt(flag: string, raw: string | undefined): number {
  const n = Number(raw)
  if (!raw || !Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive whole number, got ${raw ?? 'nothing'}`)
  return n
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  let reports = 1000
  let boards = 50
  let mode: BenchMode = 'both'
  let runs = 1
  let quick = false
  const explicit = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    switch (flag) {
      case '--reports':
        reports = positiveInt(flag, argv[++i])
        explicit.add('reports')
        break
      case '--boards':
        boards = positiveInt(flag, argv[++i])
        explicit.add('boards')
        break
      case '--runs':
        runs = positiveInt(flag, argv[++i])
        break
      case '--mode': {
        const m = argv[++i]
        if (m !== 'embedded' && m !== 'postgres' && m !== 'both') throw new UsageError(`--mode must be embedded, postgres or both, got ${m ?? 'nothing'}`)
        mode = m
        break
      }
      case '--quick':
        quick = true
        break
      case '--help':
      case '-h':
        throw new UsageError('', true)
      default:
        throw new UsageError(`unknown argument ${flag}`)
    }
  }
  // --quick only lowers what was not given explicitly, so `--quick --boards 50` still works.
  if (quick && !explicit.has('reports')) reports = 100
  if (quick && !explicit.has('boards')) boards = 10
  return { reports, boards, mode, runs, warmupReports: quick ? 10 : 20, warmupBaseline: quick ? 20 : 50, baselineOps: reports }
}
