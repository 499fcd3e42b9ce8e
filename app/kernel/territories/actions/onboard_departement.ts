import { territoryIndex } from '#kernel/territories/cog/territory_index'
import {
  runOnboarding,
  type OnboardingProgress,
} from '#kernel/territories/services/onboarding_runner'

export type OnboardDepartementInput = { departement: string } | { departements: string[] | 'all' }

/**
 * Onboards one or several départements: each département, every EPCI with a member commune in
 * it and all its current communes, linked together (parents outside it are created `listed`).
 * `departements: 'all'` takes the 101 départements of France in one transaction.
 */
export default class OnboardDepartement {
  async handle(input: OnboardDepartementInput, progress?: OnboardingProgress) {
    const index = await territoryIndex()
    const departements =
      'departement' in input
        ? [normalizeDepartementCode(input.departement)]
        : input.departements === 'all'
          ? index.frenchDepartementCodes()
          : input.departements.map(normalizeDepartementCode)
    return runOnboarding({ departements }, progress)
  }
}

/** "2a" → "2A", " 32 " → "32", "1" → "01": the forms an operator types. */
export function normalizeDepartementCode(code: string) {
  const trimmed = code.trim().toUpperCase()
  return /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed
}
