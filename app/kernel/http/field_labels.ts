import type { VineValidator } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * French labels of a form's fields, by property name (`startsAt`) or by wildcard path
 * (`dishes.*.name`), e.g. `{ startsAt: 'date de début', 'dishes.*.name': 'nom du plat' }`.
 */
export type FieldLabels = Record<string, string>

/**
 * Names each field by its French label, then hands over to the messages provider of the
 * request (the back-office's i18n messages, resources/lang/fr/validator.json) or of the
 * validator: « Le champ date de début est obligatoire », never « startsAt ».
 */
class LabelledMessagesProvider implements MessagesProviderContact {
  constructor(
    private inner: MessagesProviderContact,
    private labels: FieldLabels
  ) {}

  getMessage(
    defaultMessage: string,
    rule: string,
    field: FieldContext,
    meta?: Record<string, any>
  ) {
    const label = this.labels[field.wildCardPath] ?? this.labels[field.name]
    if (meta?.otherField && this.labels[meta.otherField]) {
      meta = { ...meta, otherField: this.labels[meta.otherField] }
    }
    return this.inner.getMessage(
      defaultMessage,
      rule,
      label ? ({ ...field, name: label } as FieldContext) : field,
      meta
    )
  }
}

/**
 * Gives a validator the French labels of its fields; returns the same validator. Use it for
 * every back-office form whose property names are not French words:
 * `export const eventFormValidator = withFieldLabels(vine.create({...}), EVENT_LABELS)`.
 */
export function withFieldLabels<V extends VineValidator<any, any>>(
  validator: V,
  labels: FieldLabels
): V {
  const validate = validator.validate.bind(validator) as (data: unknown, options?: any) => any
  ;(validator as { validate: unknown }).validate = (data: unknown, options: any = {}) =>
    validate(data, {
      ...options,
      messagesProvider: new LabelledMessagesProvider(
        options.messagesProvider ?? validator.messagesProvider,
        labels
      ),
    })
  return validator
}
