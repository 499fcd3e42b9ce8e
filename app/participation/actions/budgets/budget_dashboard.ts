import db from '@adonisjs/lucid/services/db'
import { TIME_ZONE } from '#participation/support/window'

/** Submitted ballots per day (Paris) and per home commune, by kind: the live dashboard. */
export default class BudgetDashboard {
  async handle(campaignId: number) {
    const { rows: perDay } = await db.rawQuery(
      `SELECT to_char(submitted_at AT TIME ZONE ?, 'YYYY-MM-DD') AS day, count(*)::int AS count
         FROM participation_budget_ballots WHERE campaign_id = ? AND submitted_at IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
      [TIME_ZONE, campaignId]
    )
    const { rows: perCommune } = await db.rawQuery(
      `SELECT c.code, coalesce(c.name, 'Commune non renseignée') AS name, count(*)::int AS count
         FROM participation_budget_ballots b LEFT JOIN collectivities c ON c.id = b.commune_id
        WHERE b.campaign_id = ? AND b.submitted_at IS NOT NULL
        GROUP BY c.id, c.code, c.name ORDER BY count DESC, name`,
      [campaignId]
    )
    const { rows: perKind } = await db.rawQuery(
      `SELECT kind, count(*) FILTER (WHERE submitted_at IS NOT NULL)::int AS submitted,
              count(*) FILTER (WHERE submitted_at IS NULL)::int AS drafts
         FROM participation_budget_ballots WHERE campaign_id = ? GROUP BY kind ORDER BY kind`,
      [campaignId]
    )
    return { perDay, perCommune, perKind }
  }
}
