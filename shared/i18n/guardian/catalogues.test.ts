import { describe, expect, it } from 'vitest'
import { messageArguments } from '../messageArguments.js'
import { GUARDIAN_LANGUAGES, LANGUAGE_INFO, languageFromBrowser } from '../languages.js'
import { formatDay, formatInstant, formatRange, formatTime } from './dates.js'
import { GLOSSARY, type Glossary } from './glossary.js'
import { ja } from './ja.js'
import { addAllCatalogues, CATALOGUES } from './catalogues.js'
import { ERROR_MESSAGES } from '../../protocol/errors.js'
import { errorKey, GUARDIAN_ERROR_CODES } from './serverErrors.js'
import { fieldErrorText, refusalText, translator } from './translate.js'

addAllCatalogues()

const glossaryTerms = new Set(Object.keys(GLOSSARY.ja))
const ownArguments = (message: string, locale: string) => [...messageArguments(message, locale)].filter((a) => !glossaryTerms.has(a)).sort()

describe('guardian catalogues', () => {
  it('every language has exactly the keys of the Japanese catalogue, none empty', () => {
    const keys = Object.keys(ja).sort()
    for (const language of GUARDIAN_LANGUAGES) {
      const catalogue = CATALOGUES[language]
      expect(Object.keys(catalogue).sort(), language).toEqual(keys)
      for (const key of keys) expect(catalogue[key as keyof typeof ja].trim(), `${language}.${key}`).not.toBe('')
    }
  })

  it('every message parses and takes the same arguments as the Japanese one', () => {
    for (const language of GUARDIAN_LANGUAGES) {
      const locale = LANGUAGE_INFO[language].intlLocale
      for (const [key, source] of Object.entries(ja)) {
        const message = CATALOGUES[language][key as keyof typeof ja]
        expect(ownArguments(message, locale), `${language}.${key}`).toEqual(ownArguments(source, 'ja'))
      }
    }
  })

  it('uses only school terms the glossary defines', () => {
    for (const language of GUARDIAN_LANGUAGES) {
      for (const message of Object.values(CATALOGUES[language])) {
        for (const a of messageArguments(message, LANGUAGE_INFO[language].intlLocale)) {
          if (a.startsWith('term')) expect(glossaryTerms.has(a), `${language}: {${a}}`).toBe(true)
        }
      }
    }
  })

  it('says the school terms the way the glossary does, in every language', () => {
    for (const language of GUARDIAN_LANGUAGES) {
      const t = translator(language)
      const g: Glossary = GLOSSARY[language]
      for (const term of Object.values(g)) expect(term.trim()).not.toBe('')
      expect(t('acknowledged')).toBe(g.termAcknowledged)
      expect(t('kindAbsent')).toContain(g.termAbsent)
      expect(t('kindLate')).toContain(g.termLate)
      expect(t('kindEarlyLeave')).toContain(g.termEarlyLeave)
      expect(t('ackNote')).toContain(g.termAcknowledged)
    }
  })

  it('follows each language’s plural rules', () => {
    expect(translator('en')('daysCount', { n: 1 })).toBe('1 school day')
    expect(translator('en')('daysCount', { n: 3 })).toBe('3 school days')
    expect(translator('pt-BR')('daysCount', { n: 1 })).toBe('1 dia')
    expect(translator('pt-BR')('daysCount', { n: 2 })).toBe('2 dias')
    expect(translator('en')('counterLeft', { left: 1 })).toBe('1 character left')
    expect(translator('ja')('daysCount', { n: 3 })).toBe('3日間')
  })
})

describe('server refusals in the guardian’s language', () => {
  it('has a message for every guardian error code in every language, Japanese being the server’s own', () => {
    for (const code of GUARDIAN_ERROR_CODES) {
      expect(ERROR_MESSAGES[code], code).toBeDefined()
      expect(ja[errorKey(code)]).toBe(ERROR_MESSAGES[code].ja)
      for (const language of GUARDIAN_LANGUAGES) {
        if (language === 'ja') continue
        // A copied Japanese or English text would mean the translation is missing.
        const text = CATALOGUES[language][errorKey(code)]
        expect(text, `${language}.${code}`).not.toBe(ERROR_MESSAGES[code].ja)
        if (language !== 'en') expect(text, `${language}.${code}`).not.toBe(CATALOGUES.en[errorKey(code)])
      }
    }
  })

  it('shows the catalogue’s text for a guardian code, the server’s message for any other', () => {
    expect(refusalText('vi', 'ALREADY_WITHDRAWN', ERROR_MESSAGES.ALREADY_WITHDRAWN.ja)).toBe('Liên lạc này đã được hủy rồi.')
    expect(refusalText('ko', 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED.ja)).toBe(CATALOGUES.ko.error_RATE_LIMITED)
    // Japanese keeps the server's message: it may say when to try again.
    expect(refusalText('ja', 'RATE_LIMITED', '試行回数が多すぎます。15分後(8:20)にもう一度お試しください。')).toBe('試行回数が多すぎます。15分後(8:20)にもう一度お試しください。')
    expect(refusalText('en', 'ROSTER_INVALID', ERROR_MESSAGES.ROSTER_INVALID.ja)).toBe(ERROR_MESSAGES.ROSTER_INVALID.ja)
  })

  it('says what is wrong with a /join/ field in the guardian’s language', () => {
    expect(fieldErrorText('ja', 'BAD_REQUEST', 'password', 'パスワードは8文字以上にしてください')).toBe('パスワードは8文字以上にしてください')
    expect(fieldErrorText('pt-BR', 'BAD_REQUEST', 'password', 'パスワードは8文字以上にしてください')).toBe(CATALOGUES['pt-BR'].fieldPassword)
    expect(fieldErrorText('ja-easy', 'BAD_REQUEST', 'loginId', 'ログインIDは4文字以上にしてください')).toBe(CATALOGUES['ja-easy'].fieldLoginId)
    expect(fieldErrorText('vi', 'LOGIN_ID_TAKEN', 'loginId', '別のIDにしてください')).toBe(CATALOGUES.vi.error_LOGIN_ID_TAKEN)
    expect(fieldErrorText('vi', 'BAD_REQUEST', 'somethingElse', '不明')).toBe('不明')
  })

  it('follows plural rules in the account page’s messages', () => {
    expect(translator('en')('accountChanged', { n: 1 })).toContain('1 other device was logged out')
    expect(translator('en')('accountChanged', { n: 2 })).toContain('2 other devices were logged out')
    expect(translator('ja')('accountChanged', { n: 2 })).toBe('パスワードを変更しました。ほかの端末 2台はログアウトしました。')
  })

  it('explains 出席停止 next to an illness reason, in every language', () => {
    for (const language of GUARDIAN_LANGUAGES) expect(translator(language)('illnessNote'), language).toContain(GLOSSARY[language].termSuspensionExplained)
  })
})

describe('guardian dates', () => {
  it('keeps the Japanese style for Japanese and やさしい日本語', () => {
    expect(formatDay('2026-11-28', 'ja')).toBe('11月28日(土)')
    expect(formatDay('2026-11-28', 'ja-easy')).toBe('11月28日(土)')
    expect(formatTime('08:05', 'ja')).toBe('8:05')
    expect(formatRange('2026-12-04', '2026-12-08', 'ja')).toBe('12月4日(金)〜12月8日(火)')
  })

  it('follows the locale for the other languages', () => {
    expect(formatDay('2026-11-28', 'en')).toBe('Sat, Nov 28')
    expect(formatDay('2026-11-28', 'ko')).toBe('11월 28일 (토)')
    expect(formatDay('2026-11-28', 'pt-BR')).toMatch(/^sáb\.?, 28 de nov\.?$/)
    expect(formatTime('13:30', 'en')).toMatch(/^1:30\sPM$/)
    expect(formatTime('13:30', 'vi')).toBe('13:30')
  })

  it('shows an instant on the school’s clock, whatever the machine’s zone', () => {
    // 22:31 UTC on the 27th is 7:31 on the 28th in Japan.
    expect(formatInstant('2026-11-27T22:31:00Z', 'ja')).toBe('11月28日(土) 7:31')
    expect(formatInstant('2026-11-27T22:31:00Z', 'en')).toMatch(/^Sat, Nov 28 7:31\sAM$/)
  })
})

describe('the first language offered', () => {
  it('comes from the browser’s languages, Japanese when none is ours', () => {
    expect(languageFromBrowser(['vi-VN', 'en-US'])).toBe('vi')
    expect(languageFromBrowser(['zh-TW'])).toBe('zh-Hans')
    expect(languageFromBrowser(['pt-PT'])).toBe('pt-BR')
    expect(languageFromBrowser(['tl'])).toBe('fil')
    expect(languageFromBrowser(['de-DE', 'ne-NP'])).toBe('ne')
    expect(languageFromBrowser(['de-DE'])).toBe('ja')
    expect(languageFromBrowser([])).toBe('ja')
  })
})
