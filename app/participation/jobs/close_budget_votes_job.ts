import { defineJob } from '#kernel/queue/job'

export const PARTICIPATION_QUEUE = 'participation'

/**
 * Every minute: campaigns whose vote has reached its closing date are closed (results and the
 * ballots digest recorded, see CloseBudgetVote). Ballots are refused after the date anyway, so
 * a late run changes nothing but when the results appear. Safe to run twice.
 */
export const closeBudgetVotesJob = defineJob<Record<string, never>>({
  name: 'participation.close-budget-votes',
  queue: PARTICIPATION_QUEUE,
  attempts: 1,
  timeoutMs: 55_000,
  repeat: { everyMs: 60_000 },
  async handle() {
    const { default: CloseDueBudgetVotes } =
      await import('#participation/actions/budgets/close_due_budget_votes')
    return new CloseDueBudgetVotes().handle()
  },
})
