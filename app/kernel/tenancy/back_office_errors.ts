import type { HttpContext } from '@adonisjs/core/http'

interface FieldMessage {
  field?: string
  message: string
}

/** Statuses shown as an error page; the others (400, 409, 422, 429…) go back to the form. */
const PAGE_STATUSES = new Set([403, 404, 410])

/**
 * How the back-office answers a refusal (DomainError, Bouncer, Vine, missing row): an error page
 * with its status for 403/404/410, the form again with French messages (flashed, Inertia's
 * `errors`) for the others, or `{ errors: [{ code, message, field? }] }` with the status to a
 * client that asks for JSON. Called by the exception handler for requests that went through the
 * back-office stack (they have `ctx.inertia`); returns false for anything else, which the
 * handler then renders as usual. (A route handler's errors never reach route middleware in
 * AdonisJS: the router turns them into responses first, hence the handler.)
 */
export async function renderBackOfficeError(error: unknown, ctx: HttpContext): Promise<boolean> {
  if (!ctx.inertia || !ctx.session) return false
  const renderer = new BackOfficeErrors()
  const refusal = renderer.refusal(error)
  if (!refusal) return false
  await renderer.render(ctx, refusal)
  return true
}

class BackOfficeErrors {
  refusal(error: unknown): { status: number; code: string; messages: FieldMessage[] } | null {
    const candidate = error as {
      code?: string
      status?: number
      message?: string
      field?: string
      messages?: unknown
    }
    if (!candidate || typeof candidate !== 'object') return null
    switch (candidate.code) {
      case 'E_VALIDATION_ERROR':
        return {
          status: 422,
          code: 'E_VALIDATION_ERROR',
          messages: candidate.messages as FieldMessage[],
        }
      case 'E_AUTHORIZATION_FAILURE':
        return {
          status: 403,
          code: 'E_FORBIDDEN',
          messages: [{ message: 'Action non autorisée pour votre rôle' }],
        }
      case 'E_ROW_NOT_FOUND':
        return {
          status: 404,
          code: 'E_NOT_FOUND',
          messages: [{ message: 'Ressource introuvable' }],
        }
    }
    if (
      error instanceof Error &&
      'field' in error &&
      typeof candidate.status === 'number' &&
      candidate.code
    ) {
      // A DomainError from an action.
      return {
        status: candidate.status,
        code: candidate.code,
        messages: [{ field: candidate.field, message: candidate.message ?? '' }],
      }
    }
    return null
  }

  async render(
    ctx: HttpContext,
    refusal: { status: number; code: string; messages: FieldMessage[] }
  ) {
    const { request, response, session } = ctx
    const wantsJson = !request.header('x-inertia') && request.accepts(['html', 'json']) === 'json'
    if (wantsJson) {
      return response.status(refusal.status).send({
        errors: refusal.messages.map(({ field, message }) => ({
          code: refusal.code,
          message,
          ...(field ? { field } : {}),
        })),
      })
    }
    if (PAGE_STATUSES.has(refusal.status) || request.method() === 'GET') {
      response.status(refusal.status)
      return response.send(
        await ctx.inertia.render('errors/show', {
          status: refusal.status,
          message: refusal.messages[0]?.message ?? '',
        })
      )
    }
    const fieldErrors: Record<string, string[]> = {}
    for (const { field, message } of refusal.messages) {
      if (field) (fieldErrors[field] ??= []).push(message)
    }
    session.flashExcept([
      '_csrf',
      '_method',
      'password',
      'password_confirmation',
      'passwordConfirmation',
    ])
    session.flash('inputErrorsBag', fieldErrors)
    const general = refusal.messages.find(({ field }) => !field)?.message
    session.flash(
      'error',
      general ??
        (refusal.code === 'E_VALIDATION_ERROR'
          ? 'Le formulaire contient des erreurs.'
          : refusal.messages[0].message)
    )
    // Back to the very page, query string included (`?edit=12`): without it the agent would
    // land on an empty « Nouveau » form and lose the item being edited.
    return response.redirect().withQs().back()
  }
}
