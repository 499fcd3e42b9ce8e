import { rm } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import AcceptUpload, { type UploadInput } from '#kernel/media/actions/accept_upload'
import { mediaJson } from '#kernel/media/transformers/media_transformer'
import { citizenUploadValidator } from '#kernel/media/validators/upload'
import { uploadErrors } from '#kernel/media/errors'
import { NotFoundError } from '#kernel/http/errors'
import Collectivity from '#kernel/territories/models/collectivity'
import Media from '#kernel/media/models/media'
import { previewOf } from '#kernel/media/actions/media_previews'
import FindCitizenMedia from '#kernel/media/actions/find_citizen_media'

/**
 * Uploads, multipart field `file`. The body parser has written the file to a temp path; its
 * name and declared type are ignored (AcceptUpload reads the bytes). Answers 201 with the
 * pending media; its variants appear once a worker has processed it.
 */
export default class UploadsController {
  /** POST /api/v1/media (citizen token): for the authority named by `collectivity`. */
  async storeForCitizen({ auth, request, response }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    const { collectivity: code } = await request.validateUsing(citizenUploadValidator)
    const collectivity = await Collectivity.query()
      .where('code', code)
      .where('status', 'onboarded')
      .first()
    if (!collectivity) {
      throw new NotFoundError(
        `Aucune collectivité active pour le code « ${code} »`,
        'E_COLLECTIVITY_NOT_FOUND'
      )
    }
    const media = await this.accept(request, collectivity.id, { type: 'citizen', id: citizen.id })
    return response.created({ data: mediaJson(media) })
  }

  /**
   * GET /api/v1/me/media/:id (citizen token): one of the citizen's own uploads, polled by the
   * app until its state is `ready` (or `failed`) before it sends the report.
   */
  async showForCitizen({ auth, params }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    const media = await new FindCitizenMedia().handle({
      citizenId: citizen.id,
      mediaId: Number(params.id),
    })
    return { data: mediaJson(media) }
  }

  /** POST /media/uploads (back-office): for the agent's current authority. */
  async storeForAgent({ tenant, request, response }: HttpContext) {
    const media = await this.accept(request, tenant.collectivityId, {
      type: 'agent',
      id: tenant.agent.id,
    })
    return response.created({ data: mediaJson(media) })
  }

  /**
   * GET /media/uploads/:id (back-office): the state and thumbnail of one of the current
   * authority's media, polled by the media picker until processing ends.
   */
  async showForAgent({ tenant, params }: HttpContext) {
    const media = await Media.findOwnedOrFail(tenant, params.id)
    return { data: previewOf(media) }
  }

  /** Accepts the request's file, then drops the body parser's temp copy (up to 200 Mo). */
  private async accept(
    request: HttpContext['request'],
    collectivityId: number,
    uploader: UploadInput['uploader']
  ) {
    const path = request.file('file')?.tmpPath
    if (!path) throw uploadErrors.missing()
    try {
      return await new AcceptUpload().handle({ collectivityId, uploader, path })
    } finally {
      await rm(path, { force: true })
    }
  }
}
