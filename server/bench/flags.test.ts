import { describe, expect, it } from 'vitest'
import { parseArgs } from './args.js'
import { databaseModes, int, ints, parseFlags, toggle, UsageError } from './flags.js'

const USAGE = 'usage: bench -- [--count N] [--rates A,B] [--mode M] [--quick]'
const FLAGS = { count: int(5), limit: int(), rates: ints([25, 50]), mode: databaseModes(), quick: toggle() }

function usageError(argv: string[]): UsageError {
  try {
    parseFlags(argv, FLAGS, USAGE)
  } catch (err) {
    if (err instanceof UsageError) return err
    throw err
  }
  throw new Error(`${argv.join(' ')} was accepted`)
}

describe('parseFlags', () => {
  it('gives the defaults when nothing is given', () => {
    expect(parseFlags([], FLAGS, USAGE)).toEqual({ count: 5, limit: undefined, rates: [25, 50], mode: 'both', quick: false })
  })

  it('reads every kind of flag, with a space or an = before the value', () => {
    expect(parseFlags(['--count', '7', '--limit=3', '--rates', '10,20,30', '--mode', 'postgres', '--quick'], FLAGS, USAGE))
      .toEqual({ count: 7, limit: 3, rates: [10, 20, 30], mode: 'postgres', quick: true })
  })

  it('refuses numbers that are not positive whole numbers, saying which flag', () => {
    for (const bad of ['0', '-1', '1.5', 'x', '']) expect(usageError(['--count=' + bad]).message).toMatch(/^--count needs a positive whole number/)
    expect(usageError(['--rates', '10,,20']).message).toMatch(/^--rates needs positive whole numbers separated by commas/)
  })

  it('refuses a word outside the list, naming the list', () => {
    expect(usageError(['--mode', 'sqlite']).message).toMatch(/^--mode must be embedded, postgres or both, got sqlite/)
  })

  it('refuses unknown flags, a flag without its value and stray arguments', () => {
    for (const argv of [['--counts', '3'], ['--count'], ['--count', '--quick'], ['7'], ['--quick=yes']]) {
      const err = usageError(argv)
      expect(err.help).toBe(false)
      expect(err.message.endsWith(USAGE)).toBe(true)
    }
  })

  it('answers --help and -h with the usage text alone', () => {
    for (const flag of ['--help', '-h']) {
      const err = usageError(['--count', '3', flag])
      expect(err.help).toBe(true)
      expect(err.message).toBe(USAGE)
    }
  })
})

describe('npm run bench flags', () => {
  it('keeps its defaults', () => {
    expect(parseArgs([])).toEqual({ reports: 1000, boards: 50, mode: 'both', runs: 1, warmupReports: 20, warmupBaseline: 50, baselineOps: 1000 })
  })

  it('lowers only what was not given under --quick, in any order', () => {
    expect(parseArgs(['--quick'])).toMatchObject({ reports: 100, boards: 10, warmupReports: 10, warmupBaseline: 20, baselineOps: 100 })
    expect(parseArgs(['--boards', '50', '--quick'])).toMatchObject({ reports: 100, boards: 50 })
    expect(parseArgs(['--quick', '--reports', '300'])).toMatchObject({ reports: 300, boards: 10, baselineOps: 300 })
  })

  it('takes the mode and the runs', () => {
    expect(parseArgs(['--mode', 'embedded', '--runs', '3'])).toMatchObject({ mode: 'embedded', runs: 3 })
  })

  it('shows its usage text with a bad flag', () => {
    expect(() => parseArgs(['--reports', '0'])).toThrow(/--reports needs a positive whole number, got 0\nusage: npm run bench --/)
  })
})
