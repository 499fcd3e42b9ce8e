import Media, { type MediaVariant } from '#kernel/media/models/media'
import { NotFoundError } from '#kernel/http/errors'

const PUBLIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const GENERATION = /^[0-9a-z]{9}[0-9a-f]{6}$/
const FILE_NAME = /^[a-z0-9]+\.(webp|jpg|mp4)$/

/**
 * The variant a public URL names, if the media is ready and lists it. Anything else (the
 * original, a pending media, an old generation, a forged path) is not found, alike.
 */
export default class FindPublicVariant {
  async handle(input: {
    publicId: string
    generation: string
    file: string
  }): Promise<MediaVariant> {
    const notFound = new NotFoundError('Média introuvable', 'E_MEDIA_NOT_FOUND')
    if (
      !PUBLIC_ID.test(input.publicId) ||
      !GENERATION.test(input.generation) ||
      !FILE_NAME.test(input.file)
    ) {
      throw notFound
    }
    const media = await Media.query()
      .where('public_id', input.publicId)
      .where('state', 'ready')
      .first()
    const key = `media/${input.publicId}/${input.generation}/${input.file}`
    const variant = media?.variants.find((item) => item.key === key)
    if (!variant) throw notFound
    return variant
  }
}
