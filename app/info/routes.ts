/*
| Routes of the info module. Citizen API: public reads under /api/v1/collectivities/:code/,
| each answering for the authority and the levels above it, limited to its switched-on features.
*/
import router from '@adonisjs/core/services/router'
import { api } from '#start/kernel'

const FeedController = () => import('#info/controllers/api/feed_controller')
const EventsController = () => import('#info/controllers/api/events_controller')
const PlacesController = () => import('#info/controllers/api/places_controller')
const CanteensController = () => import('#info/controllers/api/canteens_controller')

router
  .group(() => {
    router.get('/feed', [FeedController, 'feed'])
    router.get('/news', [FeedController, 'news'])
    router.get('/news/:id', [FeedController, 'showNews'])
    router.get('/events', [EventsController, 'index'])
    router.get('/events.ics', [EventsController, 'calendar'])
    router.get('/places', [PlacesController, 'index'])
    router.get('/places/:id', [PlacesController, 'show'])
    router.get('/canteens', [CanteensController, 'index'])
    router.get('/canteens/:id/menus', [CanteensController, 'menus'])
    router.get('/contacts', [CanteensController, 'contacts'])
  })
  .prefix('/api/v1/collectivities/:code')
  .use(api())
