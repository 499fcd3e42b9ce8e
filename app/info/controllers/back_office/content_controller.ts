import type { HttpContext } from '@adonisjs/core/http'
import { readFile } from 'node:fs/promises'
import { mapTiles } from '#kernel/http/map_tiles'
import { NotFoundError, DomainError } from '#kernel/http/errors'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import UnpublishContent from '#info/actions/unpublish_content'
import DeleteContent from '#info/actions/delete_content'
import RunImport, { IMPORTS } from '#info/actions/run_import'
import ListMenusForEditing from '#info/actions/list_menus_for_editing'
import { BACK_OFFICE_TYPES, type BackOfficeType } from '#info/support/back_office_types'
import { CONTENT_MODELS } from '#info/support/content_types'
import type Publishable from '#info/models/publishable'
import { sanitizeRichText } from '#info/support/rich_text'
import {
  importValidator,
  listFiltersValidator,
  parisDateTime,
  publishValidator,
  scheduleValidator,
} from '#info/validators/back_office'
import * as vocabulary from '#info/vocabulary'
import MediaPreviews from '#kernel/media/actions/media_previews'

/** The agent acting, for the audit log. */
const actorOf = ({ tenant, request }: HttpContext) => ({ agent: tenant.agent, ip: request.ip() })

function typeOf(slug: unknown): BackOfficeType {
  const type = BACK_OFFICE_TYPES[String(slug)]
  if (!type) throw new NotFoundError('Type de contenu inconnu')
  return type
}

/**
 * The info module's back-office: per type, a list with search and state filter beside the form
 * of the item being edited (with its preview), and the publication buttons. Every write acts for
 * the current authority only (`ownerIds`), so an EPCI's items are its own and reach its communes
 * through the citizen API, never the other way round.
 */
export default class ContentController {
  async index({ bouncer, tenant, params, request, inertia, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    const filters = await request.validateUsing(listFiltersValidator, { data: request.qs() })
    const model: typeof Publishable = CONTENT_MODELS[type.content]
    const query = model.ownedBy(tenant)
    if (filters.status) query.where('status', filters.status)
    if (filters.q) query.whereILike(type.titleColumn, `%${filters.q.replace(/[\\%_]/g, '\\$&')}%`)
    const items = await query.orderBy('updated_at', 'desc').limit(200)
    const previews = await new MediaPreviews().handle(
      tenant.collectivityId,
      items.map((item: any) => item.imageMediaId)
    )
    let editing = null
    let canteenMenus = null
    if (filters.edit && filters.edit !== 'new') {
      // The form reads type-specific columns (body, description…) through `type.formValues`.
      const item: any = await model.findOwnedOrFail(tenant, filters.edit)
      editing = {
        id: item.id,
        state: item.stateAt(),
        publishAt: item.publishAt?.toISO() ?? null,
        expireAt: item.expireAt?.toISO() ?? null,
        source: item.source,
        values: type.formValues(item),
        image: await new MediaPreviews().one(tenant.collectivityId, item.imageMediaId),
        preview:
          type.content === 'news'
            ? sanitizeRichText(item.body)
            : type.content === 'event'
              ? sanitizeRichText(item.description)
              : null,
      }
      if (type.content === 'canteen') {
        const menuId = filters.menu && filters.menu !== 'new' ? Number(filters.menu) : undefined
        canteenMenus = {
          ...(await new ListMenusForEditing().handle(tenant.collectivityId, item.id, menuId)),
          creating: filters.menu === 'new',
        }
      }
    }
    return inertia.render('info/index', {
      type: params.type,
      label: type.label,
      singular: type.singular,
      filters: { q: filters.q ?? '', status: filters.status ?? '' },
      // A refused creation comes back here: keep its form open with the messages and input.
      creating:
        filters.edit === 'new' || (!filters.edit && session.flashMessages.has('inputErrorsBag')),
      editing,
      canteenMenus,
      items: items.map((item: any) => ({
        id: item.id,
        title: item[type.titleColumn],
        state: item.stateAt(),
        publishAt: item.publishAt?.toISO() ?? null,
        expireAt: item.expireAt?.toISO() ?? null,
        updatedAt: item.updatedAt.toISO(),
        imported: item.source !== null,
        thumbnailUrl: previews.get(item.imageMediaId)?.thumbnailUrl ?? null,
      })),
      options: {
        alertKinds: vocabulary.ALERT_KINDS,
        eventCategories: vocabulary.EVENT_CATEGORIES,
        placeCategories: vocabulary.PLACE_CATEGORIES,
        contactThemes: vocabulary.CONTACT_THEMES,
        canteenTypes: vocabulary.CANTEEN_TYPES,
        meals: vocabulary.MEALS,
        courses: vocabulary.COURSES,
        dishLabels: vocabulary.DISH_LABELS,
        allergens: vocabulary.ALLERGENS,
      },
      imports: Object.entries(IMPORTS)
        .filter(([, entry]) => entry.back === params.type)
        .map(([kind, entry]) => ({ kind, label: entry.label })),
      importReport: session.flashMessages.get('infoImportReport') ?? null,
      map: mapTiles(),
    })
  }

  async store(ctx: HttpContext) {
    const { bouncer, tenant, params, request, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    const values = await request.validateUsing(type.validator)
    const item = await type.save(tenant.collectivityId, values, undefined, actorOf(ctx))
    session.flash('success', `Brouillon enregistré (${type.singular}).`)
    return response.redirect(`/info/${params.type}?edit=${item.id}`)
  }

  async update(ctx: HttpContext) {
    const { bouncer, tenant, params, request, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    const values = await request.validateUsing(type.validator)
    await type.save(tenant.collectivityId, values, this.id(params.id), actorOf(ctx))
    session.flash('success', 'Modifications enregistrées.')
    return response.redirect(`/info/${params.type}?edit=${params.id}`)
  }

  async publish(ctx: HttpContext) {
    const { bouncer, tenant, params, request, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    const { expireAt } = await request.validateUsing(publishValidator)
    await new PublishContent().handle({
      type: type.content,
      id: this.id(params.id),
      expireAt: parisDateTime(expireAt, 'expireAt'),
      ownerIds: [tenant.collectivityId],
      by: actorOf(ctx),
    })
    session.flash('success', 'Publié.')
    return response.redirect(`/info/${params.type}?edit=${params.id}`)
  }

  async schedule(ctx: HttpContext) {
    const { bouncer, tenant, params, request, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    const { publishAt, expireAt } = await request.validateUsing(scheduleValidator)
    await new ScheduleContent().handle({
      type: type.content,
      id: this.id(params.id),
      publishAt: parisDateTime(publishAt, 'publishAt'),
      expireAt: parisDateTime(expireAt, 'expireAt'),
      ownerIds: [tenant.collectivityId],
      by: actorOf(ctx),
    })
    session.flash('success', 'Publication programmée.')
    return response.redirect(`/info/${params.type}?edit=${params.id}`)
  }

  async unpublish(ctx: HttpContext) {
    const { bouncer, tenant, params, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    await new UnpublishContent().handle({
      type: type.content,
      id: this.id(params.id),
      ownerIds: [tenant.collectivityId],
      by: actorOf(ctx),
    })
    session.flash('success', 'Dépublié : repassé en brouillon.')
    return response.redirect(`/info/${params.type}?edit=${params.id}`)
  }

  async destroy(ctx: HttpContext) {
    const { bouncer, tenant, params, response, session } = ctx
    await bouncer.authorize('act', 'info.publish')
    const type = typeOf(params.type)
    await new DeleteContent().handle({
      type: type.content,
      id: this.id(params.id),
      ownerIds: [tenant.collectivityId],
      by: actorOf(ctx),
    })
    session.flash('success', `Supprimé (${type.singular}).`)
    return response.redirect(`/info/${params.type}`)
  }

  async import(ctx: HttpContext) {
    const { bouncer, tenant, params, request, response, session } = ctx
    await bouncer.authorize('act', 'info.import')
    const entry = IMPORTS[String(params.kind) as keyof typeof IMPORTS]
    if (!entry) throw new NotFoundError('Import inconnu')
    const { file } = await request.validateUsing(importValidator)
    const report = await new RunImport().handle({
      kind: String(params.kind),
      collectivityId: tenant.collectivityId,
      file: await readFile(file.tmpPath!),
      by: actorOf(ctx),
    })
    session.flash(
      'success',
      `Import terminé : ${report.accepted} ligne(s) acceptée(s), ${report.rejected.length} rejetée(s).`
    )
    session.flash('infoImportReport', { ...report, rejected: report.rejected.slice(0, 200) })
    return response.redirect(`/info/${entry.back}`)
  }

  private id(value: unknown): number {
    const id = Number(value)
    if (!Number.isSafeInteger(id) || id < 1)
      throw new DomainError('E_NOT_FOUND', 'Contenu introuvable', 404)
    return id
  }
}
