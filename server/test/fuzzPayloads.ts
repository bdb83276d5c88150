import fc from 'fast-check'
import type { z } from 'zod'

/** Strings that have broken parsers before: NUL bytes, lone surrogates, huge lengths, lookalike numbers. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', '\udfff x', 'x'.repeat(100_000), '1e999', '-0', '9'.repeat(40), '2026-02-30', '25:61', '../../etc/passwd', "'; drop table pupil; --", '__proto__', '{}'),
)

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Any JSON value, leaning towards the nasty ones. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  nastyNumber,
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant(Array.from({ length: 2_000 }, (_, i) => i)),
  // Deep nesting, to reach recursion limits of parsers and schema walkers.
  fc.constant(JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)) as unknown),
)

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; values?: unknown[]; entries?: Record<string, unknown> }
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def

/**
 * A value that looks like what the schema asks for: its object keys, enum members, literal
 * values, plausible ids, dates and times. Not always valid (refinements and cross-field rules
 * are not followed), which is the point: the handler must survive "nearly right".
 */
export function plausible(schema: z.ZodType, ids: number[], depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (depth > 6) return fc.constant(null)
  switch (def.type) {
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, plausible(s, ids, depth + 1)])))
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return def.type === 'optional' || def.type === 'nullable'
        ? fc.oneof({ arbitrary: plausible(def.innerType!, ids, depth + 1), weight: 3 }, { arbitrary: fc.constant(def.type === 'nullable' ? null : undefined), weight: 1 })
        : plausible(def.innerType!, ids, depth + 1)
    case 'pipe':
      return plausible(def.in!, ids, depth + 1)
    case 'array':
      return fc.array(plausible(def.element!, ids, depth + 1), { maxLength: 3 })
    case 'union':
      return fc.oneof(...def.options!.map((o) => plausible(o, ids, depth + 1)))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!))
    case 'literal':
      return fc.constantFrom(...def.values!)
    case 'boolean':
      return fc.boolean()
    case 'number':
    case 'int':
      return fc.oneof(fc.constantFrom(...ids), fc.integer({ min: 0, max: 40 }))
    case 'string':
      return fc.constantFrom('2026-11-30', '2026-12-03', '2026-11', '9:30', '08:05', 'テスト', 'influenza', 'ABCD-EFGH-JKLM', `fuzz-${ids[0]}`)
    default:
      return junk
  }
}

/** A plausible object with one field replaced by junk or removed. */
export function almostValid(schema: z.ZodType, ids: number[]): fc.Arbitrary<unknown> {
  return fc.tuple(plausible(schema, ids), junk, fc.nat(), fc.boolean()).map(([value, replacement, pick, remove]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const keys = Object.keys(value)
    if (!keys.length) return { [String(pick)]: replacement }
    const copy: Record<string, unknown> = { ...value }
    const key = keys[pick % keys.length]!
    if (remove) delete copy[key]
    else copy[key] = replacement
    return copy
  })
}

/** Half plain junk, half nearly right (when there is a schema to be nearly right about). */
export function payloads(schema: z.ZodType | undefined, ids: number[]): fc.Arbitrary<unknown> {
  return schema ? fc.oneof(junk, almostValid(schema, ids)) : junk
}

/** How many payloads per route and which seed: fixed unless the environment says otherwise. */
export function fuzzSettings(): { seed: number; runs: number } {
  const seed = Number(process.env.ASAGAO_FUZZ_SEED ?? 20261130)
  const runs = Number(process.env.ASAGAO_FUZZ_RUNS ?? 4)
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) throw new Error('ASAGAO_FUZZ_SEED and ASAGAO_FUZZ_RUNS must be integers (runs ≥ 1)')
  return { seed, runs }
}
