import { createHash } from 'node:crypto'
import { compareIds } from './instance.js'

/**
 * The fingerprint of a vote, published with its results: SHA-256 (hex) of the anonymised
 * ballots, each written as its project ids in id order joined by `,`, the lines sorted
 * (code-unit order) and joined by `\n`. Anyone holding the Pabulib export recomputes it
 * from the VOTES section alone.
 */
export function ballotsDigest(ballots: string[][]): string {
  const lines = ballots.map((ballot) => [...ballot].sort(compareIds).join(','))
  lines.sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}
