import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ListEvents from '#info/actions/list_events'
import EventsCalendar from '#info/actions/events_calendar'
import { Audience } from '#info/support/audience'
import { eventsQueryValidator, parisInstant } from '#info/validators/api'

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

  private async filters(request: HttpContext['request']) {
    const query = await eventsQueryValidator.validate(request.qs())
    return {
      from: parisInstant(query.from, 'from', 'start'),
      to: parisInstant(query.to, 'to', 'end'),
      category: query.category,
    }
  }
}
