import db from '@adonisjs/lucid/services/db'
import Collectivity, { type Branding } from '#kernel/territories/models/collectivity'
import Media from '#kernel/media/models/media'
import type Tenant from '#kernel/tenancy/tenant'
import { audit } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'

export interface BrandingInput {
  /** `#rrggbb` */
  colour?: string | null
  /** An uploaded photo of the authority (media pipeline); null removes the logo. */
  logoMediaId?: number | null
}

/** A logo is a small picture: heavier files are refused before anything is written. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024

/**
 * Sets the current authority's colour and logo. The logo is checked like a content image: an
 * image uploaded for this authority (another authority's or a video: refused), not failed, at
 * most 2 Mo; it is served (back-office header, citizen API) once processed.
 */
export default class UpdateBranding {
  async handle(tenant: Tenant, input: BrandingInput, ip?: string | null): Promise<Branding> {
    if (input.colour && !/^#[0-9a-f]{6}$/i.test(input.colour)) {
      throw new DomainError('E_INVALID_COLOUR', 'Couleur invalide : attendu #rrggbb', 422, 'colour')
    }
    return db.transaction(async (trx) => {
      if (input.logoMediaId) await this.assertLogo(tenant, input.logoMediaId, trx)
      const collectivity = await Collectivity.query({ client: trx })
        .where('id', tenant.collectivityId)
        .forUpdate()
        .firstOrFail()
      const before = { ...collectivity.branding }
      const after: Branding = {
        ...before,
        colour: input.colour?.toLowerCase() ?? before.colour,
        logoMediaId:
          input.logoMediaId === undefined ? (before.logoMediaId ?? null) : input.logoMediaId,
      }
      collectivity.branding = after
      await collectivity.save()
      tenant.collectivity.branding = after
      await audit(
        {
          agent: tenant.agent,
          collectivityId: tenant.collectivityId,
          action: 'branding.updated',
          subject: { type: 'collectivity', id: collectivity.id },
          before,
          after: { ...after },
          ip,
        },
        trx
      )
      return after
    })
  }

  private async assertLogo(tenant: Tenant, id: number, trx: Parameters<typeof audit>[1]) {
    const media = await Media.ownedBy(tenant).useTransaction(trx!).where('id', id).first()
    if (!media) {
      throw new DomainError(
        'E_LOGO_NOT_FOUND',
        'Logo introuvable : envoyez-le depuis cette page',
        422,
        'logoMediaId'
      )
    }
    if (media.kind !== 'image') {
      throw new DomainError(
        'E_LOGO_NOT_IMAGE',
        'Le logo doit être une image (JPEG, PNG, WebP ou HEIC)',
        422,
        'logoMediaId'
      )
    }
    if (media.bytes > LOGO_MAX_BYTES) {
      throw new DomainError(
        'E_LOGO_TOO_LARGE',
        'Le logo dépasse 2 Mo : choisissez une image plus légère',
        413,
        'logoMediaId'
      )
    }
    if (media.state === 'failed') {
      throw new DomainError(
        'E_LOGO_FAILED',
        `Ce fichier n’a pas pu être traité : ${media.failureReason ?? 'image illisible'}`,
        422,
        'logoMediaId'
      )
    }
  }
}
