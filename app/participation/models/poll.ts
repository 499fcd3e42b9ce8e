import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ParticipationItem from '#participation/models/participation_item'
import PollOption from '#participation/models/poll_option'

export type PollSelection = 'single' | 'multiple'

/** A question with 2 to 20 options, answered once per citizen. */
export default class Poll extends ParticipationItem {
  static table = 'participation_polls'

  @column()
  declare selection: PollSelection

  /** At most this many options in one answer (1 for a single choice). */
  @column()
  declare maxChoices: number

  /** Whether a citizen may change their answer until the close. */
  @column()
  declare allowChange: boolean

  @hasMany(() => PollOption, { foreignKey: 'pollId' })
  declare options: HasMany<typeof PollOption>
}
