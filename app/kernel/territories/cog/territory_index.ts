import type { CogData, CogEpciRecord } from '#kernel/territories/cog/cog'

export interface CommuneEntry {
  code: string
  name: string
  departement: string
  population: number | null
  postalCodes: string[]
  /** SIREN of its EPCI; null for the few communes outside any (islands, overseas COM). */
  epci: string | null
}

export interface EpciEntry {
  siren: string
  name: string
  population: number | null
  memberCodes: string[]
  /** Every département it touches, the main one first. */
  departements: string[]
}

export interface DepartementEntry {
  code: string
  name: string
  zone: 'metro' | 'drom' | 'com'
  /** Sum of its current communes' population (the COG gives none for départements). */
  population: number
  communeCodes: string[]
}

export type AliasKind = 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'

/** A name that leads to a commune without being one. */
export interface AliasEntry {
  kind: AliasKind
  code: string
  name: string
  communeCode: string
  postalCodes: string[]
}

/**
 * The COG reshaped for onboarding: current communes only (the authorities), their EPCI, each
 * EPCI's départements derived from its members, and the names that lead to a commune without
 * being one (communes déléguées and associées, arrondissements municipaux).
 */
export class TerritoryIndex {
  readonly communes = new Map<string, CommuneEntry>()
  readonly epcis = new Map<string, EpciEntry>()
  readonly departements = new Map<string, DepartementEntry>()
  readonly aliasesByCommune = new Map<string, AliasEntry[]>()

  static build(data: CogData): TerritoryIndex {
    const index = new TerritoryIndex()
    index.indexDepartements(data)
    index.indexCommunes(data)
    for (const record of data.epcis) index.indexEpci(record)
    return index
  }

  /** The 101 départements of France (metropolitan and overseas), not the other overseas COM. */
  frenchDepartementCodes(): string[] {
    return [...this.departements.values()].filter((d) => d.zone !== 'com').map((d) => d.code)
  }

  epcisTouching(departementCode: string): EpciEntry[] {
    return [...this.epcis.values()].filter((epci) => epci.departements.includes(departementCode))
  }

  private indexDepartements(data: CogData) {
    for (const record of data.departements) {
      this.departements.set(record.code, {
        code: record.code,
        name: record.nom,
        zone: record.zone,
        population: 0,
        communeCodes: [],
      })
    }
  }

  private indexCommunes(data: CogData) {
    for (const record of data.communes) {
      if (record.type === 'commune-actuelle') {
        this.communes.set(record.code, {
          code: record.code,
          name: record.nom,
          departement: record.departement,
          population: record.population ?? null,
          postalCodes: record.codesPostaux ?? [],
          epci: null,
        })
        const departement = this.departements.get(record.departement)
        if (departement) {
          departement.population += record.population ?? 0
          departement.communeCodes.push(record.code)
        }
        continue
      }
      const communeCode =
        record.type === 'arrondissement-municipal' ? record.commune : record.chefLieu
      if (!communeCode) continue
      const aliases = this.aliasesByCommune.get(communeCode) ?? []
      aliases.push({
        kind: record.type,
        code: record.code,
        name: record.nom,
        communeCode,
        postalCodes: record.codesPostaux ?? [],
      })
      this.aliasesByCommune.set(communeCode, aliases)
    }
  }

  private indexEpci(record: CogEpciRecord) {
    const populationByDepartement = new Map<string, number>()
    const memberCodes: string[] = []
    for (const member of record.membres) {
      const commune = this.communes.get(member.code)
      if (!commune) continue
      memberCodes.push(commune.code)
      commune.epci ??= record.code
      populationByDepartement.set(
        commune.departement,
        (populationByDepartement.get(commune.departement) ?? 0) + (commune.population ?? 0)
      )
    }
    const siegeDepartement = record.siege ? this.communes.get(record.siege)?.departement : undefined
    const departements = [...populationByDepartement.entries()]
      .sort(([codeA, popA], [codeB, popB]) => {
        if (codeA === siegeDepartement) return -1
        if (codeB === siegeDepartement) return 1
        return popB - popA || codeA.localeCompare(codeB)
      })
      .map(([code]) => code)
    this.epcis.set(record.code, {
      siren: record.code,
      name: record.nom,
      population: record.populationMunicipale ?? null,
      memberCodes,
      departements,
    })
  }
}

let cached: TerritoryIndex | undefined

/** The index of the installed COG, built once per process. */
export async function territoryIndex(): Promise<TerritoryIndex> {
  if (!cached) {
    const { loadCogData } = await import('#kernel/territories/cog/cog')
    cached = TerritoryIndex.build(await loadCogData())
  }
  return cached
}
