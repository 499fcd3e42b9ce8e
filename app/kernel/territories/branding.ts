import Media, { type MediaVariant } from '#kernel/media/models/media'
import { variantUrl } from '#kernel/media/transformers/media_transformer'

/** A ready logo as the detail query reads it (the media row's variants and size). */
export interface LogoRow {
  width: number | null
  height: number | null
  variants: MediaVariant[]
}

export interface PublicLogo {
  /** The variant for a header: the smallest, at least 320 px wide when the original is. */
  url: string
  width: number | null
  height: number | null
  variants: Array<{ name: string; url: string; mime: string; width: number; height: number }>
}

/**
 * The public shape of an authority's logo, or null while it is missing, pending or failed (the
 * query only hands over ready ones). Shared by the citizen API and the back-office header.
 */
export function publicLogo(row: LogoRow | null | undefined): PublicLogo | null {
  const images = (row?.variants ?? []).filter((variant) => variant.mime.startsWith('image/'))
  if (images.length === 0) return null
  const header = [...images].sort(
    (a, b) => a.width - b.width || (a.mime === 'image/webp' ? -1 : 1)
  )[0]
  return {
    url: variantUrl(header),
    width: row!.width,
    height: row!.height,
    variants: images.map((variant) => ({
      name: variant.name,
      url: variantUrl(variant),
      mime: variant.mime,
      width: variant.width,
      height: variant.height,
    })),
  }
}

export { READY_LOGO_SQL, readyLogoSql } from '#kernel/territories/ready_logo_sql'

/** The header URL of an authority's ready logo (one indexed lookup), or null. */
export async function readyLogoUrl(collectivity: {
  id: number
  branding: { logoMediaId?: number | null } | null
}): Promise<string | null> {
  const id = collectivity.branding?.logoMediaId
  if (!id) return null
  const media = await Media.ownedBy(collectivity.id)
    .where({ id, kind: 'image', state: 'ready' })
    .first()
  return publicLogo(media)?.url ?? null
}
