import type { HttpContext } from '@adonisjs/core/http'
import { IssueOpen311Key } from '#signalement/actions/open311'
import { ListOpen311Keys, RevokeOpen311Key } from '#signalement/actions/open311_keys'
import { open311KeyValidator } from '#signalement/validators/back_office'
import { signalementTabs } from '#signalement/support/back_office_pages'

/**
 * The Open311 keys of the current authority: issued here as by `open311:key` (same action),
 * shown once, revoked at will.
 */
export default class Open311KeysController {
  async index({ bouncer, tenant, inertia, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.configure')
    const keys = await new ListOpen311Keys().handle(tenant)
    return inertia.render('signalement/open311_keys', {
      keys: keys.map((key) => ({
        id: key.id,
        name: key.name,
        prefix: key.keyPrefix,
        createdAt: key.createdAt.toISO(),
        revokedAt: key.revokedAt?.toISO() ?? null,
      })),
      // The key in clear, only on the page that follows its issue.
      issued: session.flashMessages.get('issuedKey') ?? null,
      jurisdiction: tenant.collectivity.code,
      tabs: signalementTabs(tenant),
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.configure')
    const { name } = await request.validateUsing(open311KeyValidator)
    const { key } = await new IssueOpen311Key().handle({
      collectivityId: tenant.collectivityId,
      name,
      by: { agent: tenant.agent, ip: request.ip() },
    })
    session.flash('issuedKey', { name, key })
    session.flash('success', 'Clé délivrée : copiez-la maintenant, elle ne sera plus affichée')
    return response.redirect().toPath('/signalement/open311-keys')
  }

  async revoke({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.configure')
    await new RevokeOpen311Key().handle(tenant, Number(params.id), {
      agent: tenant.agent,
      ip: request.ip(),
    })
    session.flash('success', 'Clé révoquée : son client ne peut plus déposer de demandes')
    return response.redirect().toPath('/signalement/open311-keys')
  }
}
