import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'
import Report from '#signalement/models/report'
import ReportEvent from '#signalement/models/report_event'
import RouteReport from '#signalement/actions/route_report'
import { REPORT_LIMITS } from '#signalement/vocabulary'

export interface SubmitReportInput {
  categoryCode: string
  description: string
  lat: number
  lng: number
  address?: string | null
  mediaIds?: number[]
  anonymous?: boolean
  /** A signed-in citizen, or an Open311 client's reporter (no account). */
  reporter: { citizenId: number } | Open311Reporter
}

export interface Open311Reporter {
  email: string | null
  name: string | null
  apiKeyId: number
  mediaUrl?: string | null
  deviceId?: string | null
}

/**
 * Files a report: routed by where it is (RouteReport), with the citizen's own ready photos and
 * video, published at once only where the handler auto-publishes. One transaction: the report,
 * its media and the first line of its history.
 */
export default class SubmitReport {
  async handle(input: SubmitReportInput): Promise<Report> {
    if (input.description.length > REPORT_LIMITS.descriptionMaxLength) {
      throw new DomainError(
        'E_DESCRIPTION_TOO_LONG',
        `La description dépasse ${REPORT_LIMITS.descriptionMaxLength} caractères`,
        422,
        'description'
      )
    }
    const route = await new RouteReport().handle(input)
    const citizenId = 'citizenId' in input.reporter ? input.reporter.citizenId : null
    const mediaIds = [...new Set(input.mediaIds ?? [])]

    return db.transaction(async (trx) => {
      await this.checkMedia(trx, mediaIds, citizenId)
      const report = await Report.create(
        {
          collectivityId: route.handler.id,
          communeId: route.communeId,
          categoryCode: input.categoryCode,
          description: input.description,
          lat: input.lat,
          lng: input.lng,
          address: input.address ?? null,
          citizenId,
          reporterEmail: 'email' in input.reporter ? input.reporter.email : null,
          reporterName: 'name' in input.reporter ? input.reporter.name : null,
          source: citizenId === null ? 'open311' : 'app',
          apiKeyId: 'apiKeyId' in input.reporter ? input.reporter.apiKeyId : null,
          mediaUrl: 'apiKeyId' in input.reporter ? (input.reporter.mediaUrl ?? null) : null,
          deviceId: 'apiKeyId' in input.reporter ? (input.reporter.deviceId ?? null) : null,
          anonymous: input.anonymous ?? false,
          status: 'submitted',
          moderation: route.settings.autoPublish ? 'published' : 'pending',
          flagsCount: 0,
          supportsCount: 0,
          overdue: false,
        },
        { client: trx }
      )
      if (mediaIds.length > 0) {
        await trx.table('signalement_report_media').multiInsert(
          mediaIds.map((mediaId, position) => ({
            report_id: report.id,
            media_id: mediaId,
            position,
          }))
        )
      }
      await ReportEvent.create(
        {
          reportId: report.id,
          kind: 'submitted',
          toStatus: 'submitted',
          toCollectivityId: route.handler.id,
        },
        { client: trx }
      )
      return report
    })
  }

  /** Only the citizen's own media, ready, at most 5 photos and 1 video. */
  private async checkMedia(
    trx: TransactionClientContract,
    ids: number[],
    citizenId: number | null
  ) {
    if (ids.length === 0) return
    const refuse = (message: string) =>
      new DomainError('E_MEDIA_INVALID', message, 422, 'media_ids')
    if (citizenId === null) throw refuse('Les médias ne sont acceptés que d’un compte citoyen')
    const rows = await trx
      .from('media')
      .whereIn('id', ids)
      .where({ uploader_type: 'citizen', uploader_id: citizenId })
      .select('id', 'kind', 'state')
    if (rows.length !== ids.length) throw refuse('Un média n’existe pas ou ne vous appartient pas')
    if (rows.some((row) => row.state !== 'ready')) {
      throw refuse('Un média n’est pas encore prêt (traitement en cours ou échoué)')
    }
    const photos = rows.filter((row) => row.kind === 'image').length
    if (photos > REPORT_LIMITS.photos) throw refuse(`Au plus ${REPORT_LIMITS.photos} photos`)
    if (rows.length - photos > REPORT_LIMITS.videos)
      throw refuse(`Au plus ${REPORT_LIMITS.videos} vidéo`)
  }
}
