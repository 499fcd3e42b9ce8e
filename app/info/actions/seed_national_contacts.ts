import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Contact from '#info/models/contact'
import type Collectivity from '#kernel/territories/models/collectivity'
import type { ContactTheme } from '#info/vocabulary'

const SOURCE = 'national'

/** The national emergency and help numbers every département shows to all its communes. */
export const NATIONAL_NUMBERS: Array<{
  phone: string
  name: string
  theme: ContactTheme
  description: string
  hours: string
}> = [
  {
    phone: '15',
    name: 'SAMU',
    theme: 'secours',
    description: 'Urgence médicale',
    hours: '24 h/24, 7 j/7',
  },
  {
    phone: '17',
    name: 'Police secours',
    theme: 'secours',
    description: 'Police ou gendarmerie',
    hours: '24 h/24, 7 j/7',
  },
  {
    phone: '18',
    name: 'Sapeurs-pompiers',
    theme: 'secours',
    description: 'Incendie, accident, secours à personne',
    hours: '24 h/24, 7 j/7',
  },
  {
    phone: '112',
    name: 'Numéro d’urgence européen',
    theme: 'secours',
    description: 'Toutes urgences, depuis toute l’Europe',
    hours: '24 h/24, 7 j/7',
  },
  {
    phone: '114',
    name: 'Urgences pour les personnes sourdes ou malentendantes',
    theme: 'secours',
    description: 'Par SMS, visio ou tchat (application 114)',
    hours: '24 h/24, 7 j/7',
  },
  {
    phone: '119',
    name: 'Allô enfance en danger',
    theme: 'enfance',
    description: 'Enfants en danger ou en risque de l’être',
    hours: '24 h/24, 7 j/7, appel gratuit',
  },
  {
    phone: '3919',
    name: 'Violences Femmes Info',
    theme: 'violences',
    description: 'Écoute des femmes victimes de violences, anonyme',
    hours: '24 h/24, 7 j/7, appel gratuit',
  },
  {
    phone: '3977',
    name: 'Maltraitance des personnes âgées et des adultes en situation de handicap',
    theme: 'seniors',
    description: 'Écoute et orientation',
    hours: 'Du lundi au vendredi de 9 h à 19 h, le week-end de 9 h à 13 h et de 14 h à 19 h',
  },
]

/**
 * Gives a département its national numbers as published useful contacts, keyed by number: a
 * rerun updates their wording, never duplicates them, and leaves unpublished any an agent took
 * down. Other kinds of authority get nothing (their communes see the département's).
 */
export default class SeedNationalContacts {
  async handle(collectivity: Collectivity): Promise<number> {
    if (collectivity.kind !== 'departement') return 0
    await db.transaction(async (trx) => {
      for (const [rank, number] of NATIONAL_NUMBERS.entries()) {
        const existing = await Contact.query({ client: trx })
          .where({ collectivityId: collectivity.id, source: SOURCE, sourceId: number.phone })
          .first()
        const contact =
          existing ??
          new Contact().merge({
            collectivityId: collectivity.id,
            source: SOURCE,
            sourceId: number.phone,
            status: 'published',
            publishAt: DateTime.now(),
          })
        contact.merge({ ...number, rank })
        await contact.useTransaction(trx).save()
      }
    })
    return NATIONAL_NUMBERS.length
  }
}
