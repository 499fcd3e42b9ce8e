import { DomainError } from '#kernel/http/errors'

/**
 * Reader of the Pabulib format (pabulib.org/format): three sections, META (key;value),
 * PROJECTS and VOTES, each a `;`-separated table with a header line. Everything is checked
 * before anything is written, and every refusal names its line.
 */
export interface PabulibProject {
  id: string
  cost: number
  name: string
  selected: boolean | null
  line: number
}

export interface PabulibVote {
  voterId: string
  projectIds: string[]
  age: number | null
  line: number
}

export interface PabulibFile {
  meta: Record<string, string>
  budget: number
  /** approval, or knapsack when the file says so (vote_type knapsack or a max_sum_cost). */
  ballotRule: 'approval' | 'knapsack'
  minLength: number | null
  maxLength: number | null
  projects: PabulibProject[]
  votes: PabulibVote[]
}

export class PabulibFormatError extends DomainError {
  constructor(
    readonly line: number,
    reason: string
  ) {
    super('E_PABULIB_INVALID', `Fichier Pabulib refusé, ligne ${line} : ${reason}`, 422)
  }
}

const SUPPORTED_VOTE_TYPES = ['approval', 'knapsack']

/** One `;` line; fields may be double-quoted (a `""` inside stands for `"`). */
export function splitFields(text: string): string[] {
  if (!text.includes('"')) return text.split(';')
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ';') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields
}

function wholeNumber(value: string | undefined, line: number, what: string): number {
  const text = (value ?? '').trim()
  const match = /^(-?\d+)(?:[.,]0+)?$/.exec(text)
  if (!match) throw new PabulibFormatError(line, `${what} « ${text} » n'est pas un nombre entier`)
  const number = Number(match[1])
  if (number < 0) throw new PabulibFormatError(line, `${what} négatif (${number})`)
  if (!Number.isSafeInteger(number)) throw new PabulibFormatError(line, `${what} trop grand`)
  return number
}

interface Section {
  header: string[]
  rows: Array<{ fields: string[]; line: number }>
  line: number
}

function readSections(text: string): Map<string, Section> {
  const sections = new Map<string, Section>()
  let current: Section | null = null
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    const name = raw.trim().toUpperCase()
    if (name === 'META' || name === 'PROJECTS' || name === 'VOTES') {
      if (sections.has(name)) throw new PabulibFormatError(line, `section ${name} en double`)
      current = { header: [], rows: [], line }
      sections.set(name, current)
      return
    }
    if (!current) throw new PabulibFormatError(line, 'le fichier doit commencer par META')
    const fields = splitFields(raw)
    if (current.header.length === 0) {
      current.header = fields.map((field) => field.trim().toLowerCase())
      return
    }
    if (fields.length !== current.header.length)
      throw new PabulibFormatError(
        line,
        `${fields.length} champs au lieu de ${current.header.length}`
      )
    current.rows.push({ fields, line })
  })
  for (const name of ['META', 'PROJECTS', 'VOTES']) {
    if (!sections.has(name)) throw new PabulibFormatError(lines.length, `section ${name} absente`)
  }
  return sections
}

function column(section: Section, name: string, required: boolean): number {
  const index = section.header.indexOf(name)
  if (index < 0 && required)
    throw new PabulibFormatError(section.line + 1, `colonne « ${name} » absente`)
  return index
}

function readMeta(section: Section): Record<string, string> {
  const keyColumn = column(section, 'key', true)
  const valueColumn = column(section, 'value', true)
  const meta: Record<string, string> = {}
  for (const { fields } of section.rows) meta[fields[keyColumn].trim()] = fields[valueColumn].trim()
  return meta
}

function readProjects(section: Section): PabulibProject[] {
  const idColumn = column(section, 'project_id', true)
  const costColumn = column(section, 'cost', true)
  const nameColumn = column(section, 'name', false)
  const selectedColumn = column(section, 'selected', false)
  const seen = new Set<string>()
  return section.rows.map(({ fields, line }) => {
    const id = fields[idColumn].trim()
    if (!id) throw new PabulibFormatError(line, 'project_id vide')
    if (seen.has(id)) throw new PabulibFormatError(line, `projet ${id} en double`)
    seen.add(id)
    const selected = selectedColumn >= 0 ? fields[selectedColumn].trim() : ''
    return {
      id,
      cost: wholeNumber(fields[costColumn], line, `coût du projet ${id}`),
      name: nameColumn >= 0 ? fields[nameColumn].trim() : '',
      selected: selected === '' ? null : selected === '1',
      line,
    }
  })
}

function readVotes(
  section: Section,
  projects: PabulibProject[],
  file: Pick<PabulibFile, 'minLength' | 'maxLength'>
): PabulibVote[] {
  const voterColumn = column(section, 'voter_id', true)
  const voteColumn = column(section, 'vote', true)
  const ageColumn = column(section, 'age', false)
  const known = new Set(projects.map((project) => project.id))
  const voters = new Set<string>()
  return section.rows.map(({ fields, line }) => {
    const voterId = fields[voterColumn].trim()
    if (!voterId) throw new PabulibFormatError(line, 'voter_id vide')
    if (voters.has(voterId)) throw new PabulibFormatError(line, `votant ${voterId} en double`)
    voters.add(voterId)
    const text = fields[voteColumn].trim()
    const projectIds = text === '' ? [] : text.split(',').map((id) => id.trim())
    const inBallot = new Set<string>()
    for (const id of projectIds) {
      if (!known.has(id))
        throw new PabulibFormatError(line, `projet inconnu « ${id} » dans le vote`)
      if (inBallot.has(id))
        throw new PabulibFormatError(line, `projet ${id} deux fois dans le vote`)
      inBallot.add(id)
    }
    if (file.minLength !== null && projectIds.length < file.minLength)
      throw new PabulibFormatError(
        line,
        `${projectIds.length} projets, moins que min_length ${file.minLength}`
      )
    if (file.maxLength !== null && projectIds.length > file.maxLength)
      throw new PabulibFormatError(
        line,
        `${projectIds.length} projets, plus que max_length ${file.maxLength}`
      )
    const age =
      ageColumn >= 0 && fields[ageColumn].trim() !== ''
        ? wholeNumber(fields[ageColumn], line, 'âge')
        : null
    return { voterId, projectIds, age, line }
  })
}

function metaLine(section: Section, key: string): number {
  const row = section.rows.find(({ fields }) => fields[0].trim() === key)
  return row?.line ?? section.line
}

export function parsePabulib(text: string): PabulibFile {
  const sections = readSections(text)
  const metaSection = sections.get('META')!
  const meta = readMeta(metaSection)
  const voteType = (meta.vote_type ?? 'approval').toLowerCase()
  if (!SUPPORTED_VOTE_TYPES.includes(voteType)) {
    throw new PabulibFormatError(
      metaLine(metaSection, 'vote_type'),
      `type de vote « ${voteType} » non pris en charge (seuls approval et knapsack le sont)`
    )
  }
  const budget = wholeNumber(meta.budget, metaLine(metaSection, 'budget'), 'budget')
  const optional = (name: string) =>
    meta[name] === undefined || meta[name] === ''
      ? null
      : wholeNumber(meta[name], metaLine(metaSection, name), name)
  const minLength = optional('min_length')
  const maxLength = optional('max_length')
  const knapsack = voteType === 'knapsack' || optional('max_sum_cost') !== null
  const projects = readProjects(sections.get('PROJECTS')!)
  const votes = readVotes(sections.get('VOTES')!, projects, { minLength, maxLength })
  return {
    meta,
    budget,
    ballotRule: knapsack ? 'knapsack' : 'approval',
    minLength,
    maxLength,
    projects,
    votes,
  }
}
