import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type ParticipationItem from '#participation/models/participation_item'
import PublishParticipation from '#participation/actions/publish_participation'
import WithdrawParticipation from '#participation/actions/withdraw_participation'
import { listFiltersValidator } from '#participation/validators/back_office'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import {
  answerCounts,
  commonFormValues,
  formOptions,
  listRow,
  routeId,
  windowOf,
} from '#participation/support/back_office'

export const ABILITY = 'participation.manage'

type Tenant = HttpContext['tenant']

/** The French sentences of a kind's flash messages (they differ in gender and noun only). */
export interface ItemMessages {
  saved: string
  published: string
  withdrawn: string
}

/**
 * What the back-office pages of polls and consultations share: the list beside its form
 * (`?edit=ID|new`), creating and editing (validate, save, redirect to the form), publishing
 * and withdrawing. A subclass says what differs: its kind, validator, action and form values.
 */
export default abstract class ParticipationItemsController<Input> {
  protected abstract kind: ItemKind
  protected abstract messages: ItemMessages
  protected abstract validator: VineValidator<any, any>

  /** The kind's save action, given the validated form with its dates read in Paris time. */
  protected abstract save(
    collectivityId: number,
    input: Input,
    id?: number
  ): Promise<ParticipationItem>

  /** The kind's own form values of an item being edited (beside title, dates, audience…). */
  protected abstract editValues(item: ParticipationItem): Promise<Record<string, unknown>>

  /** Props of the index page beyond the shared ones. */
  protected extraProps(_tenant: Tenant): Record<string, unknown> {
    return {}
  }

  private get model(): typeof ParticipationItem {
    return ITEM_KINDS[this.kind].model
  }

  /** The validated form as the save action takes it: its dates read in Paris time. */
  private input(values: { opensAt: string; closesAt: string }): Input {
    return { ...values, ...windowOf(values) } as Input
  }

  private get base() {
    return `/participation/${ITEM_KINDS[this.kind].feature}`
  }

  async index({ bouncer, tenant, request, inertia, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const { feature } = ITEM_KINDS[this.kind]
    const filters = await request.validateUsing(listFiltersValidator, { data: request.qs() })
    const items = await this.model.ownedBy(tenant).orderBy('opens_at', 'desc').limit(200)
    const counts = await answerCounts(
      this.kind,
      items.map((item) => item.id)
    )
    let editing = null
    if (filters.edit && filters.edit !== 'new') {
      const item = await this.model.findOwnedOrFail(tenant, filters.edit)
      editing = {
        ...listRow(item, counts.get(item.id) ?? 0),
        values: { ...commonFormValues(item), ...(await this.editValues(item)) },
      }
    }
    return inertia.render(`participation/${feature}/index`, {
      featureOn: tenant.collectivity.isModuleEnabled(feature),
      ...this.extraProps(tenant),
      creating:
        filters.edit === 'new' || (!filters.edit && session.flashMessages.has('inputErrorsBag')),
      editing,
      items: items.map((item) => listRow(item, counts.get(item.id) ?? 0)),
      options: formOptions,
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const values = await request.validateUsing(this.validator)
    const item = await this.save(tenant.collectivityId, this.input(values))
    session.flash('success', this.messages.saved)
    return response.redirect(`${this.base}?edit=${item.id}`)
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const item = await this.model.findOwnedOrFail(tenant, params.id)
    const values = await request.validateUsing(this.validator)
    await this.save(tenant.collectivityId, this.input(values), item.id)
    session.flash('success', 'Modifications enregistrées.')
    return response.redirect(`${this.base}?edit=${item.id}`)
  }

  async publish({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const item = await new PublishParticipation().handle(
      this.kind,
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash('success', this.messages.published)
    return response.redirect(`${this.base}?edit=${item.id}`)
  }

  async withdraw({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const item = await new WithdrawParticipation().handle(
      this.kind,
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash('success', this.messages.withdrawn)
    return response.redirect(`${this.base}?edit=${item.id}`)
  }
}
