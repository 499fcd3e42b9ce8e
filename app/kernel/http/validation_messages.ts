import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import type { SchemaTypes } from '@vinejs/vine/types'

/**
 * French messages of the validation rules the API uses. The field travels beside the message
 * (`field` of each error), so messages do not repeat it.
 */
export const frenchValidationMessages = new SimpleMessagesProvider({
  'required': 'Ce champ est obligatoire',
  'string': 'Ce champ doit être une chaîne de caractères',
  'email': 'Adresse e-mail invalide',
  'regex': 'Format invalide',
  'url': 'Adresse web invalide',
  'minLength': 'Au moins {{ min }} caractères',
  'maxLength': 'Au plus {{ max }} caractères',
  'fixedLength': 'Exactement {{ size }} caractères',
  'confirmed': 'La confirmation ne correspond pas',
  'sameAs': 'Doit être identique au champ {{ otherField }}',
  'notSameAs': 'Doit être différent du champ {{ otherField }}',
  'in': 'Valeur non autorisée',
  'notIn': 'Valeur non autorisée',
  'enum': 'Valeur non autorisée',
  'boolean': 'Doit valoir vrai ou faux',
  'number': 'Doit être un nombre',
  'min': 'Doit valoir au moins {{ min }}',
  'max': 'Doit valoir au plus {{ max }}',
  'range': 'Doit être compris entre {{ min }} et {{ max }}',
  'positive': 'Doit être positif',
  'withoutDecimals': 'Doit être un nombre entier',
  'object': 'Doit être un objet',
  'array': 'Doit être une liste',
  'array.minLength': 'Au moins {{ min }} éléments',
  'array.maxLength': 'Au plus {{ max }} éléments',
  'notEmpty': 'Ne doit pas être vide',
  'distinct': 'Contient des doublons',
  'date': 'Date invalide',
  'uuid': 'Identifiant invalide',
  'literal': 'Doit valoir {{ expectedValue }}',
  'union': 'Valeur invalide',
  'unionOfTypes': 'Valeur invalide',
})

/**
 * `vine.create` with the French messages: every API validator is built through it so that
 * errors read the same everywhere.
 */
export function apiValidator<Properties extends Record<string, SchemaTypes>>(
  properties: Properties
) {
  const validator = vine.create(properties)
  validator.messagesProvider = frenchValidationMessages
  return validator
}
