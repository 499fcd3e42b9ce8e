import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Collectivity from '#kernel/territories/models/collectivity'
import type Citizen from '#kernel/accounts/models/citizen'
import { ForbiddenError } from '#kernel/http/errors'

/**
 * Who may take part in a participation item: `residents` of the owning authority (their home
 * commune is the authority itself, or one of its communes through the territory hierarchy:
 * commune → EPCI → département), or every account with a `verified` e-mail address.
 */
export const AUDIENCES = ['residents', 'verified'] as const
export type ParticipationAudience = (typeof AUDIENCES)[number]

export const AUDIENCE_LABELS: Record<ParticipationAudience, string> = {
  residents: 'Habitants de la collectivité',
  verified: 'Tout compte vérifié',
}

export interface EligibilityRule {
  collectivityId: number
  audience: ParticipationAudience
}

/** Whether a home commune lies inside an authority (itself, its EPCI or its département). */
export function communeBelongsTo(commune: Collectivity, authorityId: number): boolean {
  return commune.lineageIds.includes(authorityId)
}

/**
 * Checks that the citizen may take part, or throws a 403 saying why in French. Returns the
 * citizen's home commune (or null), which the caller records beside the answer so that the
 * dashboard counts participation per commune.
 */
export async function assertEligible(
  citizen: Citizen,
  rule: EligibilityRule,
  trx?: TransactionClientContract
): Promise<Collectivity | null> {
  if (!citizen.isEmailVerified) {
    throw new ForbiddenError(
      'Confirmez votre adresse e-mail pour participer : le lien vous a été envoyé à l’inscription.',
      'E_EMAIL_NOT_VERIFIED'
    )
  }
  const commune = citizen.homeCommuneId
    ? await Collectivity.find(citizen.homeCommuneId, { client: trx })
    : null
  if (rule.audience === 'verified') return commune
  // The authority's name is only needed to say why someone is refused: an eligible resident's
  // answer (the common case, on the write path) costs no query for it.
  if (commune && communeBelongsTo(commune, rule.collectivityId)) return commune
  const authority = await Collectivity.findOrFail(rule.collectivityId, { client: trx })
  if (!commune) {
    throw new ForbiddenError(
      `Réservé aux habitants de ${authority.name} : indiquez votre commune de résidence dans votre profil pour participer.`,
      'E_HOME_COMMUNE_REQUIRED'
    )
  }
  throw new ForbiddenError(
    `Réservé aux habitants de ${authority.name} : votre commune de résidence, ${commune.name}, n’en fait pas partie.`,
    'E_NOT_RESIDENT'
  )
}
