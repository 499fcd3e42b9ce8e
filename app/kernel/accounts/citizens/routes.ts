/*
| Citizen accounts over the JSON API. Writes are rate-limited by the API stack; the routes that
| check a password or send e-mail have tighter limits of their own (start/limiter.ts).
*/
import router from '@adonisjs/core/services/router'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'
import { api, citizenAuth } from '#start/kernel'
import { noStore } from '#kernel/http/cache'
import { throttleAccountEmails, throttleLogin } from '#start/limiter'

registerOpenApiFragment(() => import('#kernel/accounts/citizens/openapi'))

const CitizenAuthController = () =>
  import('#kernel/accounts/citizens/controllers/citizen_auth_controller')
const CitizenAccountController = () =>
  import('#kernel/accounts/citizens/controllers/citizen_account_controller')

router
  .group(() => {
    router
      .group(() => {
        router.post('/register', [CitizenAuthController, 'register']).use(throttleAccountEmails)
        router.post('/login', [CitizenAuthController, 'login']).use(throttleLogin)
        router.post('/logout', [CitizenAuthController, 'logout']).use(citizenAuth())
        router.get('/me', [CitizenAccountController, 'show']).use(citizenAuth())
        router.patch('/me', [CitizenAccountController, 'update']).use(citizenAuth())
        router.get('/sessions', [CitizenAccountController, 'sessions']).use(citizenAuth())
        router.post('/verify-email', [CitizenAuthController, 'verifyEmail'])
        // A link's state changes when it is used: never cached.
        router
          .get('/verify-email/:token', [CitizenAuthController, 'checkVerificationLink'])
          .use(noStore())
        router
          .post('/verify-email/resend', [CitizenAuthController, 'resendVerification'])
          .use([citizenAuth(), throttleAccountEmails])
        router
          .post('/forgot-password', [CitizenAuthController, 'forgotPassword'])
          .use(throttleAccountEmails)
        router.post('/reset-password', [CitizenAuthController, 'resetPassword'])
        router
          .get('/reset-password/:token', [CitizenAuthController, 'checkResetLink'])
          .use(noStore())
      })
      .prefix('/auth')

    router.get('/me/export', [CitizenAccountController, 'export']).use(citizenAuth())
    router.delete('/me', [CitizenAccountController, 'destroy']).use(citizenAuth())
  })
  .prefix('/api/v1')
  .use(api())
