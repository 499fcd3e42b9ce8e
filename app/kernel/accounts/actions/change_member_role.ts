import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Membership from '#kernel/accounts/models/membership'
import type Tenant from '#kernel/tenancy/tenant'
import type { Role } from '#kernel/modules/manifest'
import { audit } from '#kernel/accounts/actions/record_audit'
import { isRole } from '#kernel/tenancy/permissions'
import { DomainError } from '#kernel/http/errors'

/** Refuses to leave an authority without any admin. */
export async function assertAnotherAdmin(membership: Membership, trx: TransactionClientContract) {
  if (membership.role !== 'admin') return
  const others = await Membership.query({ client: trx })
    .where({ collectivityId: membership.collectivityId, role: 'admin' })
    .whereNot('id', membership.id)
    .forUpdate()
  if (others.length === 0) {
    throw new DomainError(
      'E_LAST_ADMIN',
      'Cette collectivité doit garder au moins un administrateur.',
      422,
      'role'
    )
  }
}

/** Changes the role of a member of the current authority (404 for another authority's member). */
export default class ChangeMemberRole {
  async handle(tenant: Tenant, input: { membershipId: number; role: Role; ip?: string | null }) {
    if (!isRole(input.role)) throw new DomainError('E_INVALID_ROLE', 'Rôle inconnu', 422, 'role')
    return db.transaction(async (trx) => {
      const membership = await Membership.findOwnedOrFail(tenant, input.membershipId, trx)
      const before = membership.role
      if (before === input.role) return membership
      if (input.role !== 'admin') await assertAnotherAdmin(membership, trx)
      membership.role = input.role
      await membership.save()
      await audit(
        {
          agent: tenant.agent,
          collectivityId: tenant.collectivityId,
          action: 'membership.role_changed',
          subject: { type: 'agent', id: membership.agentId },
          before: { role: before },
          after: { role: input.role },
          ip: input.ip,
        },
        trx
      )
      return membership
    })
  }
}
