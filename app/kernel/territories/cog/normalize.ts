/**
 * Text normalisation shared by the COG import (stored `search_name`) and the citizen search
 * (the query), so that both sides are compared in the same form: lower case, accents and
 * ligatures removed, hyphens, apostrophes and other punctuation turned into single spaces.
 */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Abbreviations citizens type for the saints that name thousands of communes. */
const ABBREVIATIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
}

/**
 * A citizen's query in the stored form, with "St-Jean" read as "saint jean".
 */
export function normalizeQuery(query: string): string {
  return normalizeName(query)
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ')
}

/** A URL-safe fragment of a name: "L'Isle-Jourdain" → "l-isle-jourdain". */
export function slugify(text: string): string {
  return normalizeName(text).replace(/ /g, '-')
}
