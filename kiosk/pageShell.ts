import type { HtmlTagDescriptor, Plugin } from 'vite'

/**
 * The head every page shares: encoding, viewport, the browser's colour and the page stylesheet,
 * written once here so each `index.html` holds only its title, its script and what is its own.
 * A page that declares a tag of its own (the phone pages' `viewport-fit=cover` viewport) keeps it.
 */
const SHELL: readonly HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
  { tag: 'meta', attrs: { name: 'theme-color', content: '#3d5a99' } },
  { tag: 'link', attrs: { rel: 'stylesheet', href: '/src/page.css' } },
]

const declares = (html: string, tag: HtmlTagDescriptor): boolean => {
  const name = tag.attrs?.name
  return typeof name === 'string' && new RegExp(`<meta[^>]*\\bname="${name}"`).test(html)
}

export function pageShell(): Plugin {
  return {
    name: 'asagao-page-shell',
    transformIndexHtml: {
      // Before Vite's own pass, so the stylesheet is bundled like one written in the page.
      order: 'pre',
      handler: (html) => SHELL.filter((tag) => !declares(html, tag)).map((tag) => ({ ...tag, injectTo: 'head-prepend' as const })),
    },
  }
}
