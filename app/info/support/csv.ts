import iconv from 'iconv-lite'
import { parse } from 'csv-parse/sync'
import { DomainError } from '#kernel/http/errors'

export interface CsvRow {
  /** Line of the file where the row starts (1 = header), for the import report. */
  line: number
  values: Record<string, string>
}

/**
 * Decodes a French open-data file: UTF-8 (with or without BOM) when it is valid UTF-8,
 * otherwise Windows-1252 (the "Latin-1" of spreadsheets saved on Windows).
 */
export function decodeText(buffer: Buffer): string {
  if (buffer.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
    return buffer.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return iconv.decode(buffer, 'win1252')
  }
}

/** `;` or `,`: whichever appears more often, outside quotes, in the header line. */
function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ';') semicolons++
    else if (!quoted && char === ',') commas++
  }
  return semicolons >= commas ? ';' : ','
}

/**
 * Reads a CSV file into rows keyed by header (header names trimmed). Quoted line breaks are kept
 * inside their field. A row whose field count differs from the header's comes back with
 * `problem` set instead of failing the file; a file that cannot be read at all (an unclosed
 * quote) is a 422.
 */
export function readCsv(buffer: Buffer): {
  headers: string[]
  rows: Array<CsvRow & { problem?: string }>
} {
  const text = decodeText(buffer)
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // Schema lists are written ["a","b"] in unquoted fields: real files do it, so accept it.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }) as never
  } catch (error) {
    throw new DomainError(
      'E_CSV_UNREADABLE',
      `Fichier CSV illisible : ${(error as Error).message}`,
      422,
      'file'
    )
  }
  if (records.length === 0) throw new DomainError('E_CSV_EMPTY', 'Fichier CSV vide', 422, 'file')
  const headers = records[0].record.map((name) => name.trim())
  const rows = records.slice(1).map(({ record, info }) => {
    // info.lines is where the record ends; quoted line breaks push it past where it starts.
    const line =
      info.lines - record.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0)
    const values: Record<string, string> = {}
    headers.forEach((name, column) => (values[name] = (record[column] ?? '').trim()))
    const problem =
      record.length === headers.length
        ? undefined
        : `${record.length} colonnes au lieu de ${headers.length}`
    return { line, values, problem }
  })
  return { headers, rows }
}

/** Fails the whole import when a required column is missing (nothing would be usable). */
export function assertColumns(headers: string[], required: string[]) {
  const missing = required.filter((name) => !headers.includes(name))
  if (missing.length > 0) {
    throw new DomainError(
      'E_CSV_COLUMNS',
      `Colonnes obligatoires absentes : ${missing.join(', ')}`,
      422,
      'file'
    )
  }
}

/** Parses a decimal written the French way or the English way ("43,6465" or "43.6465"). */
export function parseDecimal(value: string): number | null {
  if (!value) return null
  const number = Number(value.replace(',', '.'))
  return Number.isFinite(number) ? number : null
}

/** Lists as the schemas write them: `["lait","gluten"]`, or `lait;gluten`, or `lait, gluten`. */
export function parseList(value: string): string[] {
  const trimmed = value.trim()
  if (!trimmed) return []
  if (trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(trimmed)
      if (Array.isArray(parsed)) return parsed.map((item) => String(item).trim()).filter(Boolean)
    } catch {
      // Not JSON after all: fall through to the separators.
    }
  }
  return trimmed
    .replace(/^\[|\]$/g, '')
    .split(/[;,|]/)
    .map((item) => item.replace(/^["']|["']$/g, '').trim())
    .filter(Boolean)
}

/** Lower case without accents, for matching vocabulary written by hand. */
export function slugWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
