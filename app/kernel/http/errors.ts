import { Exception } from '@adonisjs/core/exceptions'

/**
 * A refusal with a stable code, an HTTP status and a French message, thrown by actions and
 * rendered alike for the API (`{ errors: [{ code, message, field? }] }`), the back-office
 * (flash message) and the CLI (message, non-zero exit).
 */
export class DomainError extends Exception {
  constructor(
    code: string,
    message: string,
    status = 422,
    readonly field?: string
  ) {
    super(message, { code, status })
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Ressource introuvable', code = 'E_NOT_FOUND') {
    super(code, message, 404)
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Action non autorisée', code = 'E_FORBIDDEN') {
    super(code, message, 403)
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 409)
  }
}
