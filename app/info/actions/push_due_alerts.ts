import db from '@adonisjs/lucid/services/db'
import PushToFollowers from '#kernel/push/actions/push_to_followers'
import { ALERT_KIND_LABELS, type AlertKind } from '#info/vocabulary'

interface DueAlert {
  id: number
  collectivity_id: number
  kind: AlertKind
  title: string
  body: string | null
  expire_at: Date | null
  authority: string
}

/**
 * Pushes every alert that is out (published, started, not expired) and not pushed yet, to the
 * residents following the communes it covers. Each alert is claimed (`pushed_at`) in the same
 * statement that finds it, so two runs at once never push one alert twice. Called right after a
 * publication and by the minute scheduler (for scheduled alerts whose time has come).
 */
export default class PushDueAlerts {
  async handle(now: Date = new Date()): Promise<number[]> {
    const { rows } = (await db.rawQuery(
      `UPDATE info_alerts a SET pushed_at = ?
         FROM collectivities c
        WHERE c.id = a.collectivity_id AND a.pushed_at IS NULL
          AND a.status IN ('published', 'scheduled') AND a.publish_at <= ?
          AND (a.expire_at IS NULL OR a.expire_at > ?)
        RETURNING a.id, a.collectivity_id, a.kind, a.title, a.body, a.expire_at, c.name AS authority`,
      [now, now, now]
    )) as { rows: DueAlert[] }
    for (const alert of rows) {
      const ttl = alert.expire_at ? (alert.expire_at.getTime() - now.getTime()) / 1000 : 86_400
      await new PushToFollowers().handle(
        alert.collectivity_id,
        {
          title: `${ALERT_KIND_LABELS[alert.kind]} : ${alert.title}`,
          body: [alert.authority, alert.body].filter(Boolean).join(' — '),
          url: '/app/',
          tag: `alert-${alert.id}`,
          alert: { id: alert.id, kind: alert.kind, title: alert.title },
        },
        Math.min(ttl, 7 * 86_400)
      )
    }
    return rows.map((alert) => alert.id)
  }
}
