import iconv from 'iconv-lite'

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection": a leading =, +, -, @,
 * tab or carriage return) gets a leading apostrophe, which Excel and LibreOffice show as text.
 * Numbers stay numbers: a count of -1 is data, not a formula.
 */
export function neutraliseFormula(v: string | number | null): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(v)
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

/** One CSV field: neutralised, then quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(v: string | number | null): string {
  const s = neutraliseFormula(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows to CSV text with CRLF line ends, as Excel writes them. The one CSV writer every export uses. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/**
 * The bytes Excel opens correctly: UTF-8 with a BOM (without it Excel guesses Shift_JIS and
 * garbles), or Shift_JIS on request — Windows-31J (cp932), the variant Excel and most 校務支援
 * systems actually use, which also has ①, ～ and the NEC/IBM extensions.
 */
export function encodeCsv(text: string, encoding: 'utf8' | 'sjis'): Buffer {
  return encoding === 'sjis' ? iconv.encode(text, 'cp932') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

/** A CSV download with a Japanese file name, in the encoding asked for. */
export function csvFile(filename: string, text: string, encoding: 'utf8' | 'sjis'): { filename: string; bytes: Buffer; contentType: string } {
  return { filename, bytes: encodeCsv(text, encoding), contentType: `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}` }
}
