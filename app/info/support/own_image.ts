import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Media from '#kernel/media/models/media'
import { DomainError } from '#kernel/http/errors'

/**
 * An item's image must be a photo uploaded for the same authority (any state: it shows once
 * ready). Refuses another authority's media or a video, so an id typed by hand leaks nothing.
 */
export async function assertOwnImage(
  collectivityId: number,
  imageMediaId: number | null | undefined,
  trx: TransactionClientContract
) {
  if (imageMediaId === null || imageMediaId === undefined) return
  const media = await Media.query({ client: trx })
    .where({ id: imageMediaId, collectivityId, kind: 'image' })
    .first()
  if (!media) {
    throw new DomainError(
      'E_IMAGE_NOT_FOUND',
      'Image introuvable pour cette collectivité',
      422,
      'imageMediaId'
    )
  }
}
