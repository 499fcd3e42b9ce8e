import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ReadFeed from '#info/actions/read_feed'
import ListNews, { ShowNews } from '#info/actions/list_news'
import { Audience } from '#info/support/audience'
import { idParamValidator } from '#info/validators/api'

/** The citizen feed and news of an authority (public reads). */
export default class FeedController {
  async feed({ params, request }: HttpContext) {
    return new ReadFeed().handle(
      await Audience.of(String(params.code)),
      await readPageRequest(request)
    )
  }

  async news({ params, request }: HttpContext) {
    return new ListNews().handle(
      await Audience.of(String(params.code)),
      await readPageRequest(request)
    )
  }

  async showNews({ params }: HttpContext) {
    const { id } = await idParamValidator.validate({ id: params.id })
    return new ShowNews().handle(await Audience.of(String(params.code)), id)
  }
}
