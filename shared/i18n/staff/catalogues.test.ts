import { describe, expect, it } from 'vitest'
import { messageArguments } from '../messageArguments.js'
import { STAFF_CATALOGUES } from './catalogues.js'

const argumentsOf = (message: string, locale: string) => [...messageArguments(message, locale)].sort()

/**
 * Every area of the staff pages, as the build ships them (an area file missing from
 * catalogues.ts fails the build, which reads them from there).
 */
const areas = Object.keys(STAFF_CATALOGUES.ja)
const catalogue = (language: 'ja' | 'en', area: string): Record<string, string> => STAFF_CATALOGUES[language][area]!

describe('staff page catalogues', () => {
  it('has the shared words, and every area in English', () => {
    expect(areas).toContain('common')
    expect(Object.keys(STAFF_CATALOGUES.en).sort()).toEqual([...areas].sort())
  })

  it.each(areas)('%s: English has exactly the Japanese keys, none empty, each parsing with the same arguments', (area) => {
    const ja = catalogue('ja', area)
    const en = catalogue('en', area)
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort())
    for (const [key, source] of Object.entries(ja)) {
      expect(source.trim(), `ja.${area}.${key}`).not.toBe('')
      expect(en[key]!.trim(), `en.${area}.${key}`).not.toBe('')
      expect(argumentsOf(en[key]!, 'en'), `en.${area}.${key}`).toEqual(argumentsOf(source, 'ja'))
    }
  })

  it.each(areas)('%s: the English catalogue is English (no Japanese left untranslated)', (area) => {
    const en = catalogue('en', area)
    // The switch back to 日本語 names its language in it, as language pickers do.
    const allowed = new Set(['languageSwitch', 'languageSwitchLabel'])
    const untranslated = Object.entries(en).filter(([key, text]) => !allowed.has(key) && /[ぁ-んァ-ヶ一-龯]/.test(text.replace(/[（(][^）)]*[）)]/g, '')))
    expect(untranslated.map(([key]) => key)).toEqual([])
  })
})
