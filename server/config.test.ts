import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const dataDir = () => mkdtempSync(join(tmpdir(), 'asagao-config-'))

describe('configuration', () => {
  it('has working defaults, and reading it writes nothing', () => {
    const dir = dataDir()
    expect(loadConfig({ ASAGAO_DATA_DIR: dir })).toMatchObject({ port: 3000, databaseUrl: null, dataDir: dir, demo: 'auto', secureCookies: false, backupKeep: 14 })
    expect(readdirSync(dir)).toEqual([])
  })

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/asagao', ASAGAO_DATA_DIR: dataDir(),
      ASAGAO_ALLOWED_ORIGINS: 'https://a.example, https://b.example', ASAGAO_SECURE_COOKIES: 'true',
      ASAGAO_DEMO: 'off', ASAGAO_LOG: 'silent', ASAGAO_BACKUP_KEEP: '30',
    })
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@db:5432/asagao', allowedOrigins: ['https://a.example', 'https://b.example'], secureCookies: true, demo: 'off', log: 'silent', backupKeep: 30 })
  })

  it('lists every bad value at once', () => {
    let message = ''
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ASAGAO_ALLOWED_ORIGINS: 'not a url', ASAGAO_DEMO: 'yes', ASAGAO_DATA_DIR: dataDir(), ASAGAO_BACKUP_KEEP: '1.5' })
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      message = (err as Error).message
    }
    for (const name of ['PORT', 'DATABASE_URL', 'ASAGAO_ALLOWED_ORIGINS', 'ASAGAO_DEMO', 'ASAGAO_BACKUP_KEEP']) expect(message).toContain(name)
  })

  it('takes a metrics token long enough to guess at no better than a password, or none', () => {
    expect(loadConfig({ ASAGAO_DATA_DIR: dataDir() }).metricsToken).toBeNull()
    const token = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'
    expect(loadConfig({ ASAGAO_DATA_DIR: dataDir(), ASAGAO_METRICS_TOKEN: token }).metricsToken).toBe(token)
    for (const bad of ['short', 'has a space in it somewhere long enough']) {
      expect(() => loadConfig({ ASAGAO_DATA_DIR: dataDir(), ASAGAO_METRICS_TOKEN: bad })).toThrow(/ASAGAO_METRICS_TOKEN/)
    }
  })

  it('runs several processes only on PostgreSQL, and says so to whoever asks for them on the embedded database', () => {
    expect(loadConfig({ ASAGAO_DATA_DIR: dataDir() }).cluster).toBe(false)
    expect(loadConfig({ ASAGAO_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@db/asagao', ASAGAO_CLUSTER: 'postgres' }).cluster).toBe(true)
    expect(() => loadConfig({ ASAGAO_DATA_DIR: dataDir(), ASAGAO_CLUSTER: 'postgres' })).toThrow(/ASAGAO_CLUSTER: needs DATABASE_URL: the embedded database lives inside one process/)
    expect(() => loadConfig({ ASAGAO_DATA_DIR: dataDir(), ASAGAO_CLUSTER: 'redis' })).toThrow(/ASAGAO_CLUSTER/)
  })

  it('takes the push subject from its own variable, else the mail sender, else an https public address', () => {
    const dir = dataDir()
    expect(loadConfig({ ASAGAO_DATA_DIR: dir }).pushSubject).toBeNull()
    expect(loadConfig({ ASAGAO_DATA_DIR: dir, ASAGAO_PUSH_SUBJECT: 'mailto:kyoto@school.example.jp' }).pushSubject).toBe('mailto:kyoto@school.example.jp')
    expect(loadConfig({ ASAGAO_DATA_DIR: dir, ASAGAO_SMTP_URL: 'smtp://mail.example.jp', ASAGAO_MAIL_FROM: 'office@school.example.jp' }).pushSubject).toBe('mailto:office@school.example.jp')
    expect(loadConfig({ ASAGAO_DATA_DIR: dir, ASAGAO_PUBLIC_URL: 'https://asagao.example.jp' }).pushSubject).toBe('https://asagao.example.jp')
    expect(loadConfig({ ASAGAO_DATA_DIR: dir, ASAGAO_PUBLIC_URL: 'http://asagao.example.jp' }).pushSubject).toBeNull()
    for (const bad of ['office@school.example.jp', 'http://school.example.jp', 'mailto:admin@localhost', 'https://localhost:3000']) {
      expect(() => loadConfig({ ASAGAO_DATA_DIR: dir, ASAGAO_PUSH_SUBJECT: bad }), bad).toThrow(/ASAGAO_PUSH_SUBJECT/)
    }
  })
})
