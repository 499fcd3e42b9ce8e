/**
 * Writer of the Pabulib format: META, PROJECTS (with votes and `selected`), VOTES (one
 * anonymous voter id per ballot, the projects approved, and the age only when the voter
 * declared it to take part). Fields holding `;`, quotes or line breaks are quoted.
 */
export interface PabulibExport {
  meta: Array<[string, string | number]>
  projects: Array<{ id: string; cost: number; votes: number; name: string; selected: boolean }>
  votes: Array<{ voterId: string; projectIds: string[]; age: number | null }>
}

function field(value: string | number): string {
  const text = String(value).replace(/\r?\n/g, ' ')
  return /[;"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function writePabulib(file: PabulibExport): string {
  const lines: string[] = ['META', 'key;value']
  for (const [key, value] of file.meta) lines.push(`${field(key)};${field(value)}`)
  lines.push('PROJECTS', 'project_id;cost;votes;name;selected')
  for (const project of file.projects) {
    lines.push(
      [project.id, project.cost, project.votes, project.name, project.selected ? 1 : 0]
        .map(field)
        .join(';')
    )
  }
  const withAge = file.votes.some((vote) => vote.age !== null)
  lines.push('VOTES', withAge ? 'voter_id;vote;age' : 'voter_id;vote')
  for (const vote of file.votes) {
    const values: Array<string | number> = [vote.voterId, vote.projectIds.join(',')]
    if (withAge) values.push(vote.age ?? '')
    lines.push(values.map(field).join(';'))
  }
  return lines.join('\n') + '\n'
}
