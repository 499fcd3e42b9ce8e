import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import db from '@adonisjs/lucid/services/db'
import Contact from '#info/models/contact'
import { findContentForUpdate } from '#info/actions/find_content'
import { DomainError } from '#kernel/http/errors'
import type { ContactTheme } from '#info/vocabulary'

export interface ContactInput {
  theme: ContactTheme
  name: string
  description?: string | null
  phone?: string | null
  email?: string | null
  address?: string | null
  website?: string | null
  hours?: string | null
  rank?: number
}

/** Creates (draft) or changes a useful contact; it needs at least a way to reach it. */
export default class SaveContact {
  async handle(collectivityId: number, input: ContactInput, id?: number, by?: AuditActor) {
    if (
      !input.phone?.trim() &&
      !input.email?.trim() &&
      !input.address?.trim() &&
      !input.website?.trim()
    ) {
      throw new DomainError(
        'E_CONTACT_UNREACHABLE',
        'Indiquez au moins un téléphone, un e-mail, une adresse ou un site',
        422,
        'phone'
      )
    }
    return db.transaction(async (trx) => {
      const contact = id
        ? ((await findContentForUpdate('contact', id, trx, [collectivityId])) as Contact)
        : new Contact().merge({ collectivityId, status: 'draft' })
      contact.merge({
        theme: input.theme,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        phone: input.phone?.trim() || null,
        email: input.email?.trim() || null,
        address: input.address?.trim() || null,
        website: input.website?.trim() || null,
        hours: input.hours?.trim() || null,
        rank: input.rank ?? contact.rank ?? 100,
      })
      await contact.useTransaction(trx).save()
      await auditContent(trx, by, id ? 'updated' : 'created', 'contact', contact)
      return contact
    })
  }
}
