import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

/**
 * The official geographic code (COG) as shipped by `@etalab/decoupage-administratif`. The
 * package's main entry reads `./data` relative to the working directory, so the JSON files are
 * read directly (and parsed at run time: letting TypeScript infer 12 MB of JSON would stall it).
 */

export interface CogCommuneRecord {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  departement: string
  zone: 'metro' | 'drom' | 'com'
  codesPostaux?: string[]
  population?: number
  siren?: string
  /** For communes déléguées and associées: the commune nouvelle they belong to. */
  chefLieu?: string
  /** For arrondissements municipaux: their commune (Paris, Lyon, Marseille). */
  commune?: string
}

export interface CogEpciRecord {
  code: string
  nom: string
  type: string
  populationMunicipale: number
  membres: Array<{ code: string; nom: string; populationMunicipale?: number }>
  /** Not present in v6 of the data; used when a later release adds it. */
  siege?: string
}

export interface CogDepartementRecord {
  code: string
  nom: string
  chefLieu: string
  zone: 'metro' | 'drom' | 'com'
}

export interface CogData {
  communes: CogCommuneRecord[]
  epcis: CogEpciRecord[]
  departements: CogDepartementRecord[]
}

const require = createRequire(import.meta.url)

async function readDataFile<T>(name: string): Promise<T> {
  const path = require.resolve(`@etalab/decoupage-administratif/data/${name}`)
  return JSON.parse(await readFile(path, 'utf8')) as T
}

let loading: Promise<CogData> | undefined

/** Reads the three COG files once per process. */
export function loadCogData(): Promise<CogData> {
  loading ??= Promise.all([
    readDataFile<CogCommuneRecord[]>('communes.json'),
    readDataFile<CogEpciRecord[]>('epci.json'),
    readDataFile<CogDepartementRecord[]>('departements.json'),
  ]).then(([communes, epcis, departements]) => ({ communes, epcis, departements }))
  return loading
}
