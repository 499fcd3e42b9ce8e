import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit, type AuditActor } from '#kernel/accounts/actions/record_audit'
import type { PublicationItem, PublicationType } from '#info/support/content_types'

/** What happened to a content item, as the audit log names it (`content.<verb>`). */
export type ContentVerb =
  'created' | 'updated' | 'published' | 'scheduled' | 'unpublished' | 'deleted'

/** The words an agent knows an item by: its title, its name, or a menu's day and meal. */
export function titleOf(item: PublicationItem): string {
  const row = item as {
    title?: string
    name?: string
    date?: { toISODate(): string }
    meal?: string
  }
  return row.title ?? row.name ?? `${row.date?.toISODate() ?? ''} ${row.meal ?? ''}`.trim()
}

/**
 * Records a content change in the audit log, inside the action's transaction: the item's type
 * and id as subject, its title (so the sentence still reads once it is deleted) and dates.
 */
export async function auditContent(
  trx: TransactionClientContract,
  by: AuditActor | undefined,
  verb: ContentVerb,
  type: PublicationType,
  item: PublicationItem
) {
  await audit(
    {
      agent: by?.agent ?? null,
      collectivityId: item.collectivityId,
      action: `content.${verb}`,
      subject: { type, id: item.id },
      after: {
        title: titleOf(item),
        ...(verb === 'published' || verb === 'scheduled'
          ? { publishAt: item.publishAt?.toISO() ?? null, expireAt: item.expireAt?.toISO() ?? null }
          : {}),
      },
      ip: by?.ip ?? null,
    },
    trx
  )
}
