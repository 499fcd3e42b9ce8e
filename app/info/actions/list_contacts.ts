import Contact from '#info/models/contact'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { whereVisible, type Audience } from '#info/support/audience'
import { contactJson } from '#info/transformers/content'
import type { ContactTheme } from '#info/vocabulary'

/** Useful contacts of an authority and the levels above it (national numbers first). */
export default class ListContacts {
  async handle(
    audience: Audience,
    theme: ContactTheme | undefined,
    page: PageRequest,
    now: Date = new Date()
  ) {
    audience.requireFeature('contacts')
    const query = whereVisible(Contact.visibleFrom(audience), 'info_contacts', now)
    if (theme) query.where('theme', theme)
    const result = await paginateByCursor(query, page, {
      listing: 'info.contacts',
      column: 'rank',
      kind: 'int4',
      direction: 'asc',
    })
    return result.toJSON((contact) => contactJson(contact, audience))
  }
}
