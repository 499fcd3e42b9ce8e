import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Collectivity from '#kernel/territories/models/collectivity'
import { DomainError } from '#kernel/http/errors'

/** The commune a citizen names by its INSEE code; 422 on the field when there is none. */
export async function findHomeCommune(
  code: string,
  trx?: TransactionClientContract
): Promise<Collectivity> {
  const commune = await Collectivity.query({ client: trx })
    .where({ kind: 'commune', code: code.toUpperCase() })
    .first()
  if (!commune) {
    throw new DomainError(
      'E_UNKNOWN_COMMUNE',
      `Aucune commune ne porte le code INSEE ${code}`,
      422,
      'home_commune_code'
    )
  }
  return commune
}
