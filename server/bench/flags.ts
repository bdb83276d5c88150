import { parseArgs } from 'node:util'

/** A bad command line, or `--help` (`help` set): the message is followed by the script's usage text. */
export class UsageError extends Error {
  constructor(message: string, usage: string, readonly help = false) {
    super(`${message}\n${usage}`.trim())
  }
}

/** One flag of a bench script: whether it takes a value, and how that value is read. */
export interface Flag<T> {
  readonly type: 'string' | 'boolean'
  /** `given` is undefined when the flag is absent; a bad value throws (the message says why). */
  read(name: string, given: string | boolean | undefined): T
}

type Values<S extends Record<string, Flag<unknown>>> = { [K in keyof S]: S[K] extends Flag<infer T> ? T : never }

function positiveInt(name: string, raw: string): number {
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number, got ${raw || 'nothing'}`)
  return n
}

/** A positive whole number; without a default it is undefined when not given. */
export function int(fallback: number): Flag<number>
export function int(): Flag<number | undefined>
export function int(fallback?: number): Flag<number | undefined> {
  return { type: 'string', read: (name, given) => (given === undefined ? fallback : positiveInt(name, String(given))) }
}

/** Positive whole numbers separated by commas, as in `--rates 50,100`. */
export function ints(fallback: readonly number[]): Flag<number[]> {
  return {
    type: 'string',
    read(name, given) {
      if (given === undefined) return [...fallback]
      try {
        return String(given).split(',').map((raw) => positiveInt(name, raw))
      } catch {
        throw new Error(`--${name} needs positive whole numbers separated by commas, like ${fallback.slice(0, 2).join(',')}, got ${given || 'nothing'}`)
      }
    },
  }
}

/** One of a few words. */
export function oneOf<const V extends string>(values: readonly V[], fallback: NoInfer<V>): Flag<V> {
  return {
    type: 'string',
    read(name, given) {
      if (given === undefined) return fallback
      if (!values.includes(given as V)) throw new Error(`--${name} must be ${values.slice(0, -1).join(', ')} or ${values.at(-1)}, got ${given || 'nothing'}`)
      return given as V
    },
  }
}

/** `--mode`: the database mode(s) a bench measures, both unless told. */
export function databaseModes(): Flag<'embedded' | 'postgres' | 'both'> {
  return oneOf(['embedded', 'postgres', 'both'], 'both')
}

/** A flag without a value, true when given. */
export function toggle(): Flag<boolean> {
  return { type: 'boolean', read: (_name, given) => given === true }
}

/**
 * Reads `argv` (the arguments after the script's name) with node:util's parseArgs: only the
 * flags in `flags`, each at most once in effect (the last wins), no other arguments. `--help`
 * or `-h` throws a UsageError with `help` set; anything else wrong throws a UsageError saying what.
 */
export function parseFlags<S extends Record<string, Flag<unknown>>>(argv: readonly string[], flags: S, usage: string): Values<S> {
  const options = Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, { type: flag.type }]))
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true }).values
  } catch (err) {
    throw new UsageError((err as Error).message, usage)
  }
  if (values.help) throw new UsageError('', usage, true)
  try {
    return Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, flag.read(name, values[name])])) as Values<S>
  } catch (err) {
    throw new UsageError((err as Error).message, usage)
  }
}

/**
 * What a bench script does with a bad command line: prints the usage text and ends the process
 * (0 after `--help`, 2 otherwise). Other errors pass through.
 */
export function exitOnUsageError<T>(parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    if (err.help) {
      console.log(err.message)
      process.exit(0)
    }
    console.error(err.message)
    process.exit(2)
  }
}

/** A bench script's flags, as parseFlags reads them; a bad command line ends the process (exitOnUsageError). */
export function readFlags<S extends Record<string, Flag<unknown>>>(argv: readonly string[], flags: S, usage: string): Values<S> {
  return exitOnUsageError(() => parseFlags(argv, flags, usage))
}
