import { IntlMessageFormat } from 'intl-messageformat'

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] }

/**
 * The argument names an ICU message uses, found in its parsed form (plural and select branches
 * too); throws when it does not parse. The catalogue tests compare each translation's with the
 * Japanese message's.
 */
export function messageArguments(message: string, locale: string): Set<string> {
  const found = new Set<string>()
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type >= 1 && e.type <= 6 && e.value) found.add(e.value)
      for (const option of Object.values(e.options ?? {})) walk(option.value)
      if (e.children) walk(e.children)
    }
  }
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as Element[])
  return found
}
