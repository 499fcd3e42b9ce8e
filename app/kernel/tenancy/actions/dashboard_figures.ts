import logger from '@adonisjs/core/services/logger'
import { modules } from '#kernel/modules/registry'
import type Tenant from '#kernel/tenancy/tenant'
import Membership from '#kernel/accounts/models/membership'

export interface DashboardSection {
  module: string
  label: string
  figures: { label: string; value: number }[]
  /** True when the module's stats hook failed: the rest of the dashboard still shows. */
  unavailable: boolean
}

/**
 * The current authority's dashboard: each module's `stats` figures and the features it has
 * switched on. One failing module hook does not take the dashboard down.
 */
export default class DashboardFigures {
  async handle(tenant: Tenant) {
    const [agents] = await Membership.ownedBy(tenant).count('* as total')
    const sections: DashboardSection[] = [
      {
        module: 'accounts',
        label: 'Équipe',
        figures: [
          {
            label: 'Agents',
            value: Number(agents.$extras.total),
          },
        ],
        unavailable: false,
      },
    ]
    for (const module of modules) {
      if (!module.stats) continue
      try {
        sections.push({
          module: module.key,
          label: module.label,
          figures: await module.stats(tenant.collectivityId),
          unavailable: false,
        })
      } catch (error) {
        logger.error({ err: error, module: module.key }, 'dashboard stats hook failed')
        sections.push({ module: module.key, label: module.label, figures: [], unavailable: true })
      }
    }
    const features = modules.flatMap((module) =>
      module.features.map((feature) => ({
        key: feature.key,
        label: feature.label,
        kind: feature.kind,
        enabled: feature.kind === 'core' || tenant.collectivity.isModuleEnabled(feature.key),
      }))
    )
    return { sections, features }
  }
}
