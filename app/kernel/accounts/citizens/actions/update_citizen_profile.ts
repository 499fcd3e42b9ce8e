import type Citizen from '#kernel/accounts/models/citizen'
import { findHomeCommune } from '#kernel/accounts/citizens/actions/find_home_commune'

export interface CitizenProfileChanges {
  displayName?: string
  /** A commune's INSEE code, or null to forget the home commune. */
  homeCommuneCode?: string | null
}

/** Changes what a citizen may change about themselves: display name and home commune. */
export default class UpdateCitizenProfile {
  async handle(citizen: Citizen, changes: CitizenProfileChanges): Promise<Citizen> {
    if (changes.displayName !== undefined) citizen.displayName = changes.displayName
    if (changes.homeCommuneCode === null) citizen.homeCommuneId = null
    if (changes.homeCommuneCode) {
      const commune = await findHomeCommune(changes.homeCommuneCode)
      citizen.homeCommuneId = commune.id
    }
    await citizen.save()
    return citizen
  }
}
