import Media from '#kernel/media/models/media'
import { variantUrl } from '#kernel/media/transformers/media_transformer'

/** What a back-office picker or list shows of a media item. */
export interface MediaPreview {
  id: number
  kind: Media['kind']
  state: Media['state']
  /** The smallest variant, once ready. */
  thumbnailUrl: string | null
  /** The widest variant of at most 800 px, for a page (rich text), once ready. */
  url: string | null
  /** Why it failed, in French. */
  failure: string | null
}

export function previewOf(media: Media): MediaPreview {
  const smallest =
    media.state === 'ready'
      ? [...media.variants]
          .filter((variant) => variant.mime.startsWith('image/'))
          .sort((a, b) => a.width - b.width || (a.mime === 'image/webp' ? -1 : 1))[0]
      : undefined
  const page =
    media.state === 'ready'
      ? [...media.variants]
          .filter((variant) => variant.mime === 'image/jpeg' && variant.width <= 800)
          .sort((a, b) => b.width - a.width)[0]
      : undefined
  return {
    id: media.id,
    kind: media.kind,
    state: media.state,
    thumbnailUrl: smallest ? variantUrl(smallest) : null,
    url: page ? variantUrl(page) : smallest ? variantUrl(smallest) : null,
    failure: media.state === 'failed' ? (media.failureReason ?? 'Le traitement a échoué.') : null,
  }
}

/**
 * Previews of an authority's media by id, for the back-office (thumbnails in forms and lists);
 * another authority's ids are simply absent.
 */
export default class MediaPreviews {
  async handle(collectivityId: number, ids: Array<number | null | undefined>) {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
    const previews = new Map<number, MediaPreview>()
    if (wanted.length === 0) return previews
    const rows = await Media.ownedBy(collectivityId).whereIn('id', wanted)
    for (const media of rows) previews.set(media.id, previewOf(media))
    return previews
  }

  /** The preview of one media id (null when absent or another authority's). */
  async one(collectivityId: number, id: number | null | undefined): Promise<MediaPreview | null> {
    if (!id) return null
    const previews = await this.handle(collectivityId, [id])
    return previews.get(id) ?? null
  }
}
