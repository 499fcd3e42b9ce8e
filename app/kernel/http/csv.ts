/*
| CSV files for French spreadsheet software (LibreOffice Calc, Excel set to French): UTF-8 with a
| byte order mark (without it Excel reads Windows-1252), `;` between fields (`,` is the decimal
| separator in French), CRLF line ends, and RFC 4180 quoting.
*/
export type CsvValue = string | number | boolean | null | undefined

const BOM = '\uFEFF'
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/
/** A text starting like a formula would run as one in a spreadsheet (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : ''
  if (typeof value === 'boolean') return value ? 'oui' : 'non'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One line, its CRLF included. */
export function csvLine(row: CsvValue[]): string {
  return `${row.map(csvField).join(';')}\r\n`
}

/** How a file starts: the BOM and the header line (for files written piece by piece). */
export function csvStart(headers: string[]): string {
  return `${BOM}${csvLine(headers)}`
}

/** The whole file: BOM, header line, one line per row. */
export function toCsv(headers: string[], rows: Iterable<CsvValue[]>): string {
  let text = csvStart(headers)
  for (const row of rows) text += csvLine(row)
  return text
}

/** `Content-Disposition` for a download named `name` (ASCII fallback and UTF-8 form). */
export function csvDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
