import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import ReportUpdateMail from '#signalement/mails/report_update_mail'
import type Report from '#signalement/models/report'

/** Mails the reporter (a citizen account, or the e-mail an Open311 client gave), after commit. */
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
  }
  if (!email) return
  await mail.sendLater(new ReportUpdateMail(email, name, report.id, headline, message))
}
