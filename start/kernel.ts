/*
| HTTP kernel. Server middleware run on every request, so they stay minimal (see ADR 0002):
| the citizen API and Open311 pay only for the body parser. Session, CSRF (shield), auth,
| Bouncer, locale and Inertia run only on the back-office group, through `backOffice`.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import { throttleApiWrites } from '#start/limiter'
import { ID_PARAMS, idParamMatcher } from '#kernel/http/ids'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/public_files_middleware'),
  () => import('@adonisjs/cors/cors_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#kernel/http/input_guard_middleware'),
])

// Id params (`:id`…) match PostgreSQL integers only, on every route (ADR 0012).
for (const param of ID_PARAMS) router.where(param, idParamMatcher)

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  initializeAuth: () => import('@adonisjs/auth/initialize_auth_middleware'),
  apiAuth: () => import('#kernel/http/api_auth_middleware'),
  revokedSession: () => import('#middleware/revoked_session_middleware'),
  initializeBouncer: () => import('#middleware/initialize_bouncer_middleware'),
  detectLocale: () => import('#middleware/detect_user_locale_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  inertia: () => import('#middleware/inertia_middleware'),
  tenant: () => import('#middleware/tenant_middleware'),
  superAdmin: () => import('#middleware/super_admin_middleware'),
  apiResponse: () => import('#kernel/http/api_response_middleware'),
  verifiedCitizen: () => import('#middleware/verified_citizen_middleware'),
  backOfficeHeaders: () => import('#middleware/back_office_headers_middleware'),
  // Named as BACK_OFFICE_INPUT_GUARD (#kernel/http/input_guard_middleware): the router-level
  // guard leaves a route carrying it to this one.
  backOfficeInputGuard: () => import('#middleware/back_office_input_guard_middleware'),
  featureGate: () => import('#middleware/feature_gate_middleware'),
})

/**
 * The middleware stack of every back-office route group, in order.
 */
export function backOffice() {
  return [
    middleware.backOfficeHeaders(),
    middleware.session(),
    middleware.shield(),
    middleware.initializeAuth(),
    middleware.revokedSession(),
    middleware.initializeBouncer(),
    middleware.detectLocale(),
    middleware.inertia(),
    middleware.backOfficeInputGuard(),
  ]
}

/**
 * The stack of back-office routes that act for an authority: a signed-in agent and the current
 * authority resolved as `ctx.tenant` (app/kernel/tenancy, ADR 0004), then the pages of its
 * switched-off features closed (ADR 0024). Every module's back-office group uses it; the
 * tenancy test matrix walks every such route.
 */
export function tenantBackOffice() {
  return [...backOffice(), middleware.auth(), middleware.tenant(), middleware.featureGate()]
}

/**
 * The middleware stack of every citizen API route group (`/api/v1`): cache headers on public
 * reads, rate limits on writes, JSON errors. Kept lean: no session, no cookie (ADR 0002).
 */
export function api() {
  return [...apiWithOwnWriteLimit(), throttleApiWrites]
}

/**
 * The citizen API stack without the generic write limit, for a route that counts its writes
 * with stricter limits of its own (filing a report): each limit costs two Redis round trips,
 * and the generic one could never refuse what the stricter one lets through.
 */
export function apiWithOwnWriteLimit() {
  return [middleware.apiAuth(), middleware.apiResponse()]
}

/**
 * Route middleware of the API routes that need a signed-in citizen (`Authorization: Bearer …`);
 * without a valid token: 401 in the JSON error format.
 */
export function citizenAuth() {
  return middleware.auth({ guards: ['api'] })
}

/**
 * After `citizenAuth()`, on routes reserved to citizens who verified their address (uploads):
 * 403 `E_EMAIL_NOT_VERIFIED` otherwise.
 */
export function verifiedCitizen() {
  return middleware.verifiedCitizen()
}
