import type {
  AllocationResult,
  AllocationRule,
  ProjectOutcome,
} from '#participation/support/allocation/index'

/** A district's (or the whole campaign's) outcome, with project titles. */
export interface DistrictResults extends Omit<AllocationResult, 'projects'> {
  district_id: number | null
  district_name: string | null
  ballots: number
  ballots_digest: string
  projects: Array<ProjectOutcome & { project_id: number; title: string }>
}

/** What the close publishes and recount checks. */
export interface BudgetResults {
  rule: AllocationRule
  ballots: number
  ballots_digest: string
  winners: string[]
  spent: number
  budget: number
  districts: DistrictResults[]
}
