import { describe, expect, it } from 'vitest'
import { routes } from '../../../shared/protocol/routes.js'
import { clickTarget, notificationFor, safePath, windowFor, WORKER_ROUTES } from './push-display.js'

describe('what a push shows', () => {
  it('shows the title, body, tag and language sent, and keeps the page to open', () => {
    expect(notificationFor(JSON.stringify({ title: '安否確認', body: '回答してください', url: '/guardian/#safety/3', tag: 'safety-3', lang: 'ja' }))).toEqual({
      title: '安否確認',
      options: { body: '回答してください', tag: 'safety-3', renotify: true, lang: 'ja', data: { url: '/guardian/#safety/3' } },
    })
  })

  it('still tells the guardian something when the payload is not ours', () => {
    for (const text of [null, '', 'not json', '42', JSON.stringify({ title: 7 })]) {
      expect(notificationFor(text)).toEqual({ title: '学校からのお知らせ', options: { body: '', data: { url: '/guardian/' } } })
    }
  })

  it('never opens another site', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', '/\\evil.example', 42, undefined]) expect(safePath(bad)).toBe('/guardian/')
    expect(clickTarget({ url: '//evil.example/' }, 'https://asagao.example.jp')).toBe('https://asagao.example.jp/guardian/')
    expect(clickTarget({ url: '/guardian/#survey/2' }, 'https://asagao.example.jp')).toBe('https://asagao.example.jp/guardian/#survey/2')
    expect(clickTarget(null, 'https://asagao.example.jp')).toBe('https://asagao.example.jp/guardian/')
  })

  it('brings the open guardian page forward rather than opening another', () => {
    const target = 'https://a.example/guardian/#safety/3'
    const home = { url: 'https://a.example/guardian/' }
    const join = { url: 'https://a.example/join/' }
    expect(windowFor([join, home], target)).toEqual({ window: home, navigate: true })
    expect(windowFor([home, { url: target }], target)).toEqual({ window: { url: target }, navigate: false })
    expect(windowFor([join], target)).toBeNull()
  })
})

describe('the worker\'s own calls', () => {
  it('are the catalogue\'s routes', () => {
    expect(routes.push.subscribe).toMatchObject({ method: 'POST', path: WORKER_ROUTES.subscribe })
    expect(routes.push.unsubscribe).toMatchObject({ method: 'POST', path: WORKER_ROUTES.unsubscribe })
  })
})
