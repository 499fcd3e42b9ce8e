import { column } from '@adonisjs/lucid/orm'
import PublicationBase from '#info/models/publication_base'

/**
 * The columns every publishable info content shares (news, events, places, canteens,
 * contacts): publication (from PublicationBase), import source and image.
 */
export default class Publishable extends PublicationBase {
  @column()
  declare source: string | null

  @column()
  declare sourceId: string | null

  @column()
  declare imageMediaId: number | null
}
