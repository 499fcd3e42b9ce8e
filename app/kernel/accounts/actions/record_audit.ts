import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Agent from '#kernel/accounts/models/agent'
import AuditLog from '#kernel/accounts/models/audit_log'

export interface AuditEntry {
  /** Who did it; null for the CLI or the system. */
  agent?: Agent | null
  collectivityId?: number | null
  /** Stable dotted name, e.g. `agent.invited`, `membership.role_changed`, `modules.updated`. */
  action: string
  subject?: { type: string; id: string | number } | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  ip?: string | null
}

/** Who acts, as actions receive it from a controller (absent for the CLI, jobs and tests). */
export interface AuditActor {
  agent?: Agent | null
  ip?: string | null
}

/**
 * Records what an agent did. Every action that changes something on behalf of an agent calls
 * it inside its own transaction (pass `trx`), so that the change and its record are written
 * together or not at all.
 */
export default class RecordAudit {
  async handle(entry: AuditEntry, trx?: TransactionClientContract): Promise<AuditLog> {
    return AuditLog.create(
      {
        agentId: entry.agent?.id ?? null,
        collectivityId: entry.collectivityId ?? null,
        action: entry.action,
        subjectType: entry.subject?.type ?? null,
        subjectId: entry.subject ? String(entry.subject.id) : null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        ip: entry.ip ?? null,
      },
      { client: trx }
    )
  }
}

/** Shorthand for `new RecordAudit().handle(entry, trx)`. */
export function audit(entry: AuditEntry, trx?: TransactionClientContract) {
  return new RecordAudit().handle(entry, trx)
}
