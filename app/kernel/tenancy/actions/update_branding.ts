import db from '@adonisjs/lucid/services/db'
import Collectivity, { type Branding } from '#kernel/territories/models/collectivity'
import type Tenant from '#kernel/tenancy/tenant'
import { audit } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'

export interface BrandingInput {
  /** `#rrggbb` */
  colour?: string | null
  logoUrl?: string | null
  logoMediaId?: number | null
}

/** Sets the current authority's colour and logo (an https URL or an uploaded media id). */
export default class UpdateBranding {
  async handle(tenant: Tenant, input: BrandingInput, ip?: string | null): Promise<Branding> {
    if (input.colour && !/^#[0-9a-f]{6}$/i.test(input.colour)) {
      throw new DomainError('E_INVALID_COLOUR', 'Couleur invalide : attendu #rrggbb', 422, 'colour')
    }
    if (input.logoUrl && !/^https?:\/\//i.test(input.logoUrl)) {
      throw new DomainError(
        'E_INVALID_LOGO_URL',
        'Adresse du logo invalide : attendu http(s)://…',
        422,
        'logoUrl'
      )
    }
    return db.transaction(async (trx) => {
      const collectivity = await Collectivity.query({ client: trx })
        .where('id', tenant.collectivityId)
        .forUpdate()
        .firstOrFail()
      const before = { ...collectivity.branding }
      const after: Branding & { logoUrl?: string | null } = {
        ...before,
        colour: input.colour?.toLowerCase() ?? undefined,
        logoUrl: input.logoUrl ?? null,
        logoMediaId: input.logoMediaId ?? null,
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
}
