import Collectivity from '#kernel/territories/models/collectivity'
import { NotFoundError } from '#kernel/http/errors'

/**
 * An authority by its official code: INSEE for communes (5 characters) and départements (2 or
 * 3), SIREN for EPCI (9 digits), so a code names one authority.
 */
export async function collectivityByCode(code: string): Promise<Collectivity> {
  const collectivity = await Collectivity.query().where('code', code.trim().toUpperCase()).first()
  if (!collectivity)
    throw new NotFoundError(`Collectivité introuvable : « ${code} »`, 'E_COLLECTIVITY_NOT_FOUND')
  return collectivity
}
