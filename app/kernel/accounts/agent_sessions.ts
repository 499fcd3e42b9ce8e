import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type Agent from '#kernel/accounts/models/agent'

/**
 * Revocable back-office sessions (ADR 0013). A session remembers the agent's session
 * generation when it is opened; bumping the generation (logout, password reset, role removal)
 * makes every session opened before it stale, on every web node and whatever the session store
 * (signed cookie, memory or Redis): the check reads the agent row the guard loads anyway.
 */
const GENERATION_KEY = 'agent_session_generation'

/** Opens a back-office session for the agent (after its credentials were checked). */
export async function openAgentSession(ctx: HttpContext, agent: Agent): Promise<void> {
  await ctx.auth.use('web').login(agent)
  ctx.session.put(GENERATION_KEY, agent.sessionGeneration)
}

/**
 * Whether the session was opened at the agent's current generation. A session without the key
 * (opened before generations existed, or by a test's `loginAs`) counts as generation 0.
 */
export function isCurrentAgentSession(ctx: HttpContext, agent: Agent): boolean {
  return Number(ctx.session.get(GENERATION_KEY, 0)) === agent.sessionGeneration
}

/** Ends every open back-office session of the agent (one UPDATE, inside the caller's trx). */
export async function endEveryAgentSession(
  agentId: number,
  trx?: TransactionClientContract
): Promise<void> {
  await (trx ?? db).from('agents').where('id', agentId).increment('session_generation', 1)
}
