import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import PushToCitizen from '#kernel/push/actions/push_to_citizen'
import ReportUpdateMail from '#signalement/mails/report_update_mail'
import type Report from '#signalement/models/report'

/** A report's news stays worth showing for a week (a phone switched off over a holiday). */
const PUSH_TTL_SECONDS = 7 * 86_400

/**
 * Tells the reporter, after commit: a mail (a citizen account, or the e-mail an Open311 client
 * gave) and, for a citizen, a Web Push to every browser they subscribed while signed in (the
 * kernel's PushToCitizen, delivered by the `push.deliver` job). The step is already recorded:
 * a push that cannot be queued is logged, never turned into a failed transition.
 */
export async function notifyReporter(report: Report, headline: string, message: string | null) {
  let email = report.reporterEmail
  let name = report.reporterName ?? 'Madame, Monsieur'
  if (report.citizenId !== null) {
    const citizen = await db
      .from('citizens')
      .where('id', report.citizenId)
      .select('email', 'display_name')
      .first()
    email = citizen?.email ?? null
    name = citizen?.display_name ?? name
    await pushToReporter(report.citizenId, report.id, headline, message)
  }
  if (!email) return
  await mail.sendLater(new ReportUpdateMail(email, name, report.id, headline, message))
}

async function pushToReporter(
  citizenId: number,
  reportId: number,
  headline: string,
  message: string | null
) {
  try {
    await new PushToCitizen().handle(
      citizenId,
      {
        title: `Votre signalement n° ${reportId} : ${headline}`,
        ...(message ? { body: message } : {}),
        url: `/app/signalements/${reportId}`,
        // One notification per report: the newest step replaces the previous one.
        tag: `report-${reportId}`,
        report: { id: reportId },
      },
      PUSH_TTL_SECONDS
    )
  } catch (error) {
    logger.warn({ err: error, reportId }, 'signalement: push to the reporter not queued')
  }
}
