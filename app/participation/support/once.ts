import { ConflictError } from '#kernel/http/errors'

/**
 * Runs an insert that a unique constraint limits to one per citizen and item: when two
 * submissions race, the database refuses the second and the citizen gets a 409 (with `message`)
 * instead of a 500, whatever the application checked before.
 */
export async function insertOnce<T>(insert: () => Promise<T>, message: string): Promise<T> {
  try {
    return await insert()
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw alreadyAnswered(message)
    throw error
  }
}

export function alreadyAnswered(message: string) {
  return new ConflictError('E_ALREADY_ANSWERED', message)
}
