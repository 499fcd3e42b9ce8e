import Media from '#kernel/media/models/media'
import { NotFoundError } from '#kernel/http/errors'

/**
 * One media item that the citizen uploaded, to follow its processing (a report accepts only
 * `ready` media). Another's media, an agent's or an unknown id are one and the same 404, so
 * that ids reveal nothing.
 */
export default class FindCitizenMedia {
  async handle(input: { citizenId: number; mediaId: number }): Promise<Media> {
    const media = await Media.query()
      .withScopes((scopes) => scopes.uploadedByCitizen(input.citizenId))
      .where('id', input.mediaId)
      .first()
    if (!media) throw new NotFoundError('Média introuvable', 'E_MEDIA_NOT_FOUND')
    return media
  }
}
