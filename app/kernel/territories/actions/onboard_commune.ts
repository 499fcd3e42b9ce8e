import {
  runOnboarding,
  type OnboardingProgress,
} from '#kernel/territories/services/onboarding_runner'

/**
 * Onboards one commune by INSEE code; its EPCI (with that EPCI's other members) and its
 * département are created `listed` when missing, so that its citizens' feed finds its parents.
 */
export default class OnboardCommune {
  async handle(input: { insee: string }, progress?: OnboardingProgress) {
    return runOnboarding({ communes: [input.insee.trim().toUpperCase()] }, progress)
  }
}
