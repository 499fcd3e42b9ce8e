import type { HttpContext } from '@adonisjs/core/http'
import { NotFoundError } from '#kernel/http/errors'
import { readPageRequest } from '#kernel/http/pagination'
import ListEvents, { ShowEvent } from '#info/actions/list_events'
import EventsCalendar from '#info/actions/events_calendar'
import { Audience } from '#info/support/audience'
import { eventsQueryValidator, idParamValidator, parisInstant } from '#info/validators/api'

/** The agenda of an authority: JSON pages and an iCalendar feed. */
export default class EventsController {
  async index({ params, request }: HttpContext) {
    const audience = await Audience.of(String(params.code))
    return new ListEvents().handle(
      audience,
      await this.filters(request),
      await readPageRequest(request)
    )
  }

  async calendar({ params, request, response }: HttpContext) {
    const audience = await Audience.of(String(params.code))
    const body = await new EventsCalendar().handle(audience, await this.filters(request))
    response.header('Content-Type', 'text/calendar; charset=utf-8')
    response.header(
      'Content-Disposition',
      `inline; filename="agenda-${audience.collectivity.code}.ics"`
    )
    return body
  }

  async show({ params }: HttpContext) {
    const { id } = await idParamValidator.validate({ id: params.id })
    return new ShowEvent().handle(await Audience.of(String(params.code)), id)
  }

  /** One event as a calendar file, for « Ajouter à mon agenda ». */
  async eventCalendar({ params, response }: HttpContext) {
    const { id } = await idParamValidator.validate({ id: params.id })
    const audience = await Audience.of(String(params.code))
    const body = await new EventsCalendar().handle(audience, { id })
    if (!body.includes('BEGIN:VEVENT')) throw new NotFoundError('Événement introuvable')
    response.header('Content-Type', 'text/calendar; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="evenement-${id}.ics"`)
    return body
  }

  private async filters(request: HttpContext['request']) {
    const query = await eventsQueryValidator.validate(request.qs())
    return {
      from: parisInstant(query.from, 'from', 'start'),
      to: parisInstant(query.to, 'to', 'end'),
      category: query.category,
    }
  }
}
