import type { CollectivityKind, CollectivityStatus } from '#kernel/territories/models/collectivity'
import type { AliasEntry, TerritoryIndex } from '#kernel/territories/cog/territory_index'
import { normalizeName, slugify } from '#kernel/territories/cog/normalize'
import { DomainError } from '#kernel/http/errors'

/** What the caller asks to onboard; everything else the plan holds is there as a parent or member. */
export interface OnboardingTargets {
  departements?: string[]
  epcis?: string[]
  communes?: string[]
}

export interface PlannedCollectivity {
  kind: CollectivityKind
  code: string
  name: string
  searchName: string
  slug: string
  population: number | null
  postalCodes: string[]
  /** `listed` rows never downgrade an authority already onboarded. */
  status: CollectivityStatus
  departementCode: string | null
  epciCode: string | null
}

export interface PlannedAlias extends AliasEntry {
  searchName: string
}

export interface OnboardingPlan {
  departements: PlannedCollectivity[]
  epcis: PlannedCollectivity[]
  communes: PlannedCollectivity[]
  aliases: PlannedAlias[]
  /** Every (EPCI, département) pair of the planned EPCIs. */
  epciDepartements: Array<{ epci: string; departement: string }>
}

export class UnknownCodeError extends DomainError {
  constructor(label: string, code: string) {
    super('E_UNKNOWN_CODE', `Code inconnu dans le COG : ${label} « ${code} »`, 404, 'code')
  }
}

/**
 * Expands what is asked into a closed set of rows (ADR 0004): every onboarded commune brings its
 * EPCI and département, every EPCI brings all its member communes and all its départements, as
 * `listed` when they are not onboarded themselves. Onboarding a département onboards its
 * communes and every EPCI with a member commune in it. Unknown codes are refused here, before
 * anything is written.
 */
export function planOnboarding(index: TerritoryIndex, targets: OnboardingTargets): OnboardingPlan {
  const onboarded = {
    departements: new Set<string>(),
    epcis: new Set<string>(),
    communes: new Set<string>(),
  }

  for (const code of targets.departements ?? []) {
    const departement = index.departements.get(code)
    if (!departement) throw new UnknownCodeError('département', code)
    onboarded.departements.add(code)
    for (const communeCode of departement.communeCodes) onboarded.communes.add(communeCode)
    for (const epci of index.epcisTouching(code)) onboarded.epcis.add(epci.siren)
  }
  for (const siren of targets.epcis ?? []) {
    if (!index.epcis.has(siren)) throw new UnknownCodeError('EPCI (SIREN)', siren)
    onboarded.epcis.add(siren)
  }
  for (const insee of targets.communes ?? []) {
    if (!index.communes.has(insee)) throw new UnknownCodeError('commune (INSEE)', insee)
    onboarded.communes.add(insee)
  }

  const epciCodes = new Set(onboarded.epcis)
  for (const insee of onboarded.communes) {
    const epci = index.communes.get(insee)!.epci
    if (epci) epciCodes.add(epci)
  }
  const communeCodes = new Set(onboarded.communes)
  const departementCodes = new Set(onboarded.departements)
  for (const siren of epciCodes) {
    const epci = index.epcis.get(siren)!
    for (const insee of epci.memberCodes) communeCodes.add(insee)
    for (const code of epci.departements) departementCodes.add(code)
  }
  for (const insee of communeCodes) departementCodes.add(index.communes.get(insee)!.departement)

  const status = (set: Set<string>, code: string): CollectivityStatus =>
    set.has(code) ? 'onboarded' : 'listed'

  const departements = [...departementCodes].sort().map((code) => {
    const entry = index.departements.get(code)!
    return planned(
      'departement',
      code,
      entry.name,
      entry.population,
      [],
      status(onboarded.departements, code),
      null,
      null
    )
  })
  const epcis = [...epciCodes].sort().map((siren) => {
    const entry = index.epcis.get(siren)!
    return planned(
      'epci',
      siren,
      entry.name,
      entry.population,
      [],
      status(onboarded.epcis, siren),
      entry.departements[0] ?? null,
      null
    )
  })
  const communes = [...communeCodes].sort().map((insee) => {
    const entry = index.communes.get(insee)!
    return planned(
      'commune',
      insee,
      entry.name,
      entry.population,
      entry.postalCodes,
      status(onboarded.communes, insee),
      entry.departement,
      entry.epci
    )
  })
  const aliases = communes.flatMap((commune) =>
    (index.aliasesByCommune.get(commune.code) ?? []).map((alias) => ({
      ...alias,
      searchName: normalizeName(alias.name),
    }))
  )
  const epciDepartements = [...epciCodes]
    .sort()
    .flatMap((siren) =>
      index.epcis.get(siren)!.departements.map((departement) => ({ epci: siren, departement }))
    )
  return { departements, epcis, communes, aliases, epciDepartements }
}

function planned(
  kind: CollectivityKind,
  code: string,
  name: string,
  population: number | null,
  postalCodes: string[],
  status: CollectivityStatus,
  departementCode: string | null,
  epciCode: string | null
): PlannedCollectivity {
  return {
    kind,
    code,
    name,
    searchName: normalizeName(name),
    slug: `${kind}-${slugify(name)}-${code.toLowerCase()}`,
    population,
    postalCodes,
    status,
    departementCode,
    epciCode,
  }
}
