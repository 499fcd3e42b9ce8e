import db from '@adonisjs/lucid/services/db'
import { paginateByCursor, type CursorPage, type PageRequest } from '#kernel/http/pagination'

export interface CitizenSessionRow {
  id: number
  name: string | null
  created_at: Date
  last_used_at: Date | null
  expires_at: Date | null
}

/** The signed-in devices of a citizen (their live access tokens), newest first. */
export default class ListCitizenSessions {
  async handle(citizenId: number, page: PageRequest): Promise<CursorPage<CitizenSessionRow>> {
    const query = db
      .from('citizen_access_tokens')
      .select('id', 'name', 'created_at', 'last_used_at', 'expires_at')
      .where('tokenable_id', citizenId)
      .where((live) => live.whereNull('expires_at').orWhere('expires_at', '>', new Date()))
    return paginateByCursor<CitizenSessionRow>(query, page, {
      listing: 'citizen.sessions',
      column: 'created_at',
      kind: 'timestamp',
      direction: 'desc',
    })
  }
}
