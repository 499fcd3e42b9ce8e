import Citizen from '#kernel/accounts/models/citizen'
import type { ModuleManifest } from '#kernel/modules/manifest'
import { modules as registeredModules } from '#kernel/modules/registry'
import { citizenJson, type CitizenJson } from '#kernel/accounts/citizens/citizen_transformer'
import ExportCitizenMedia, {
  type CitizenMediaExport,
} from '#kernel/media/actions/export_citizen_media'
import CitizenPushSubscriptions, {
  type CitizenPushSubscriptionExport,
} from '#kernel/push/actions/citizen_push_subscriptions'

export interface CitizenDataExport {
  exported_at: string
  account: CitizenJson & {
    updated_at: string
    access_tokens: {
      name: string | null
      created_at: string | null
      last_used_at: string | null
      expires_at: string | null
    }[]
  }
  /** The photos and videos they uploaded (the media kernel's own records). */
  media: CitizenMediaExport[]
  /** The browsers that receive alerts while signed in to this account. */
  push_subscriptions: CitizenPushSubscriptionExport[]
  /** What each module holds about the citizen, by module key (its `gdpr.export`). */
  modules: Record<string, Record<string, unknown>>
}

/** Everything Bastide holds about a citizen, as JSON (GDPR right of access and portability). */
export default class ExportCitizenData {
  constructor(private modules: ModuleManifest[] = registeredModules) {}

  async handle(citizenId: number): Promise<CitizenDataExport> {
    const citizen = await Citizen.query()
      .where('id', citizenId)
      .preload('homeCommune')
      .firstOrFail()
    const tokens = await Citizen.accessTokens.all(citizen)

    const moduleData: Record<string, Record<string, unknown>> = {}
    for (const module of this.modules) {
      if (module.gdpr) moduleData[module.key] = await module.gdpr.export(citizen.id)
    }

    return {
      exported_at: new Date().toISOString(),
      account: {
        ...citizenJson(citizen),
        updated_at: citizen.updatedAt.toISO()!,
        access_tokens: tokens.map((token) => ({
          name: token.name,
          created_at: token.createdAt?.toISOString() ?? null,
          last_used_at: token.lastUsedAt?.toISOString() ?? null,
          expires_at: token.expiresAt?.toISOString() ?? null,
        })),
      },
      media: await new ExportCitizenMedia().handle(citizen.id),
      push_subscriptions: await new CitizenPushSubscriptions().export(citizen.id),
      modules: moduleData,
    }
  }
}
