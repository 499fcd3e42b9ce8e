import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Poll from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import { toCsv } from '#kernel/http/csv'
import { TIME_ZONE } from '#participation/support/window'
import { slugOf } from '#participation/support/slug'

/**
 * A poll's answers for a spreadsheet: one row per answer (its number, first and last dates in
 * Paris time, the home commune), one column per option (1 when chosen). No personal data.
 */
export default class ExportPollCsv {
  async handle(collectivityId: number, pollId: number) {
    const poll = await Poll.ownedBy(collectivityId).where('id', pollId).firstOrFail()
    const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
    const { rows } = await db.rawQuery(
      `SELECT a.id, a.created_at, a.updated_at, c.name AS commune, c.code AS commune_code,
              coalesce(array_agg(ch.option_id) FILTER (WHERE ch.option_id IS NOT NULL), '{}') AS option_ids
         FROM participation_poll_answers a
         LEFT JOIN collectivities c ON c.id = a.commune_id
         LEFT JOIN participation_poll_choices ch ON ch.answer_id = a.id
        WHERE a.poll_id = ? GROUP BY a.id, c.name, c.code ORDER BY a.id`,
      [poll.id]
    )
    const paris = (value: Date) =>
      DateTime.fromJSDate(value).setZone(TIME_ZONE).toFormat('dd/LL/yyyy HH:mm:ss')
    return {
      filename: `sondage-${poll.id}-${slugOf(poll.title)}.csv`,
      content: toCsv(
        [
          'Réponse',
          'Première réponse',
          'Dernière modification',
          'Commune',
          'Code INSEE',
          ...options.map((option) => option.label),
        ],
        rows.map((row: any) => [
          row.id,
          paris(row.created_at),
          paris(row.updated_at),
          row.commune,
          row.commune_code,
          ...options.map((option) => (row.option_ids.includes(option.id) ? 1 : 0)),
        ])
      ),
    }
  }
}
