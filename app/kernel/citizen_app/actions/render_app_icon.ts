import sharp from 'sharp'
import { DomainError } from '#kernel/http/errors'

/** Icon sizes the web app manifest lists (Android asks for 192 and 512). */
export const ICON_SIZES = [192, 512] as const
export const DEFAULT_COLOUR = '#1d4ed8'

const rendered = new Map<string, Promise<Buffer>>()

/**
 * The app's default icon as a PNG, drawn by sharp from an SVG (a white « B » on the colour), in
 * memory once per size and colour: authorities without a logo still get an installable app.
 */
export default class RenderAppIcon {
  handle(size: number, colour: string = DEFAULT_COLOUR): Promise<Buffer> {
    if (!ICON_SIZES.includes(size as (typeof ICON_SIZES)[number])) {
      throw new DomainError('E_ICON_SIZE', `Taille d’icône inconnue : ${size}`, 404)
    }
    if (!/^#[0-9a-f]{6}$/i.test(colour)) {
      throw new DomainError('E_INVALID_COLOUR', 'Couleur invalide : attendu #rrggbb', 422, 'colour')
    }
    const key = `${size}${colour.toLowerCase()}`
    let png = rendered.get(key)
    if (!png) {
      // Maskable: the letter stays inside the central 80 % safe zone.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
        <rect width="100" height="100" fill="${colour}"/>
        <text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="700" font-size="52" fill="#ffffff">B</text>
      </svg>`
      png = sharp(Buffer.from(svg)).png().toBuffer()
      rendered.set(key, png)
    }
    return png
  }
}
