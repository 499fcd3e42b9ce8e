import Collectivity from '#kernel/territories/models/collectivity'
import { readyLogoUrl } from '#kernel/territories/branding'
import { DEFAULT_COLOUR, ICON_SIZES } from '#kernel/citizen_app/actions/render_app_icon'

/**
 * The web app manifest of the citizen app. With a commune code (the one the resident follows)
 * it carries that authority's branding: its colour and, when it set one, its logo as icon.
 */
export default class RenderAppManifest {
  async handle(communeCode?: string | null) {
    const commune = communeCode
      ? await Collectivity.query()
          .where('code', communeCode.trim().toUpperCase())
          .select('id', 'name', 'branding')
          .first()
      : null
    const branding = commune?.branding ?? {}
    // The logo uploaded in the back-office, once the media pipeline has made it ready.
    const logoUrl = commune ? await readyLogoUrl(commune) : null
    const colour = branding.colour ?? DEFAULT_COLOUR
    const colourQuery = branding.colour ? `?colour=${encodeURIComponent(branding.colour)}` : ''
    return {
      id: '/app/',
      name: commune ? `Bastide — ${commune.name}` : 'Bastide',
      short_name: commune?.name.slice(0, 12) ?? 'Bastide',
      description:
        'Actualités, agenda, lieux, menus, contacts et alertes de votre commune, de votre intercommunalité et de votre département.',
      lang: 'fr',
      dir: 'ltr',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
      orientation: 'portrait',
      background_color: '#f9fafb',
      theme_color: colour,
      categories: ['news', 'government'],
      icons: [
        ...(logoUrl ? [{ src: logoUrl, sizes: 'any', purpose: 'any' }] : []),
        ...ICON_SIZES.map((size) => ({
          src: `/app/icons/${size}.png${colourQuery}`,
          sizes: `${size}x${size}`,
          type: 'image/png',
          purpose: 'any maskable',
        })),
      ],
    }
  }
}
