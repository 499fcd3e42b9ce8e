import {
  runOnboarding,
  type OnboardingProgress,
} from '#kernel/territories/services/onboarding_runner'

/**
 * Onboards one EPCI by SIREN. Its member communes and its départements are written too, as
 * `listed` (ADR 0004): the hierarchy stays whole, but a commune joins Bastide only when it is
 * onboarded itself (or with its département).
 */
export default class OnboardEpci {
  async handle(input: { siren: string }, progress?: OnboardingProgress) {
    return runOnboarding({ epcis: [input.siren.trim()] }, progress)
  }
}
