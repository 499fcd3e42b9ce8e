import type Citizen from '#kernel/accounts/models/citizen'

export interface CitizenJson {
  id: number
  email: string
  display_name: string
  email_verified: boolean
  email_verified_at: string | null
  home_commune: { id: number; code: string; name: string; slug: string } | null
  created_at: string
}

/** The citizen as the API shows them to themselves (`home_commune` must be preloaded). */
export function citizenJson(citizen: Citizen): CitizenJson {
  const commune = citizen.homeCommuneId ? citizen.homeCommune : null
  return {
    id: citizen.id,
    email: citizen.email,
    display_name: citizen.displayName,
    email_verified: citizen.isEmailVerified,
    email_verified_at: citizen.emailVerifiedAt?.toISO() ?? null,
    home_commune: commune
      ? { id: commune.id, code: commune.code, name: commune.name, slug: commune.slug }
      : null,
    created_at: citizen.createdAt.toISO()!,
  }
}
