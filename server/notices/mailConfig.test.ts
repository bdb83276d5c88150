import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.js'

/** The mail settings are checked at start like every other variable. */
describe('mail configuration', () => {
  const base = {}

  it('is off by default', () => {
    expect(loadConfig(base)).toMatchObject({ smtp: null, publicUrl: null })
  })

  it('takes an SMTP address with a sender and a public address', () => {
    const c = loadConfig({ ...base, ASAGAO_SMTP_URL: 'smtp://u:p@mail.example.jp:587', ASAGAO_MAIL_FROM: 'school@example.jp', ASAGAO_PUBLIC_URL: 'https://asagao.example.jp' })
    expect(c.smtp).toEqual({ url: 'smtp://u:p@mail.example.jp:587', from: 'school@example.jp' })
    expect(c.publicUrl).toBe('https://asagao.example.jp')
  })

  it('lists every bad mail setting at once', () => {
    let message = ''
    try {
      loadConfig({ ...base, ASAGAO_SMTP_URL: 'mail.example.jp', ASAGAO_MAIL_FROM: 'not-an-address', ASAGAO_PUBLIC_URL: 'asagao' })
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      message = (err as Error).message
    }
    expect(message).toContain('ASAGAO_SMTP_URL')
    expect(message).toContain('ASAGAO_MAIL_FROM')
    expect(message).toContain('ASAGAO_PUBLIC_URL')
  })

  it('requires a sender when SMTP is set', () => {
    expect(() => loadConfig({ ...base, ASAGAO_SMTP_URL: 'smtp://mail.example.jp' })).toThrow(/ASAGAO_MAIL_FROM/)
  })
})
