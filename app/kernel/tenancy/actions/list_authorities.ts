import type Agent from '#kernel/accounts/models/agent'
import Collectivity from '#kernel/territories/models/collectivity'
import type { Role } from '#kernel/modules/manifest'
import { roleLabelOf } from '#kernel/tenancy/permissions'

export interface AuthorityChoice {
  id: number
  name: string
  kind: string
  code: string
  role: Role | null
  /** The same label as the header's (`roleLabelOf`). */
  roleLabel: string
}

const KIND_ORDER =
  "CASE collectivities.kind WHEN 'departement' THEN 0 WHEN 'epci' THEN 1 ELSE 2 END"

/**
 * The authorities the switcher offers: the agent's own (with their role); a super-admin also
 * searches every onboarded authority by name or code (`search`, at most `limit` results).
 */
export default class ListAuthorities {
  async handle(agent: Agent, search?: string | null, limit = 20): Promise<AuthorityChoice[]> {
    const query = Collectivity.query()
      .leftJoin('memberships', (join) => {
        join
          .on('memberships.collectivity_id', 'collectivities.id')
          .andOnVal('memberships.agent_id', agent.id)
      })
      .select('collectivities.*', 'memberships.role as membership_role')
      .orderByRaw(KIND_ORDER)
      .orderBy('collectivities.name')
      .limit(limit)
    if (agent.isSuperAdmin) {
      query.where('collectivities.status', 'onboarded')
    } else {
      query.whereNotNull('memberships.id')
    }
    const term = search?.trim()
    if (term) {
      const folded = term
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[-']/g, ' ')
      query.where((where) => {
        where
          .whereILike('collectivities.search_name', `%${folded.replace(/[%_\\]/g, '\\$&')}%`)
          .orWhereILike('collectivities.name', `%${term.replace(/[%_\\]/g, '\\$&')}%`)
          .orWhere('collectivities.code', term)
      })
    }
    const rows = await query
    return rows.map((row) => {
      const role = (row.$extras.membership_role as Role | null) ?? null
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        code: row.code,
        role,
        roleLabel: roleLabelOf(role, agent.isSuperAdmin),
      }
    })
  }
}
