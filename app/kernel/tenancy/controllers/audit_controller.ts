import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import ListAuditLogs from '#kernel/accounts/actions/list_audit_logs'
import ListMembers from '#kernel/accounts/actions/list_members'
import { auditFiltersValidator } from '#kernel/accounts/validators/back_office'

/** The current authority's audit log (admins). */
export default class AuditController {
  async index({ bouncer, tenant, request, inertia }: HttpContext) {
    await bouncer.authorize('act', 'audit.read')
    const filters = await request.validateUsing(auditFiltersValidator, { data: request.qs() })
    const day = (date?: Date) => (date ? DateTime.fromJSDate(date).toISODate() : null)
    const list = new ListAuditLogs()
    const query = { ...filters, from: day(filters.from), to: day(filters.to) }
    const members = await new ListMembers().handle(tenant)
    return inertia.render('audit/index', {
      logs: await list.handle(tenant, query),
      actions: await list.actions(tenant),
      agents: members.map((member) => ({
        id: member.agentId,
        label: member.fullName ?? member.email,
      })),
      filters: {
        agentId: query.agentId ?? null,
        action: query.action ?? null,
        from: query.from,
        to: query.to,
      },
    })
  }
}
