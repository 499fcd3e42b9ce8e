import Media from '#kernel/media/models/media'
import { variantUrl } from '#kernel/media/transformers/media_transformer'

export interface PublicImage {
  width: number | null
  height: number | null
  placeholder: { blurhash: string; dominant_colour: string } | null
  variants: Array<{ name: string; url: string; width: number; height: number; mime: string }>
}

/** The ready images among `ids`, with their public variant URLs (pending or failed ones: absent). */
export async function readyImages(ids: Array<number | null>): Promise<Map<number, PublicImage>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  const images = new Map<number, PublicImage>()
  if (wanted.length === 0) return images
  const media = await Media.query()
    .whereIn('id', wanted)
    .where('state', 'ready')
    .where('kind', 'image')
  for (const item of media) {
    images.set(item.id, {
      width: item.width,
      height: item.height,
      placeholder: item.placeholder
        ? { blurhash: item.placeholder.blurhash, dominant_colour: item.placeholder.dominantColour }
        : null,
      variants: item.variants.map((variant) => ({
        name: variant.name,
        url: variantUrl(variant),
        width: variant.width,
        height: variant.height,
        mime: variant.mime,
      })),
    })
  }
  return images
}
