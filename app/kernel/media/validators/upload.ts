import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'

/**
 * The citizen names the authority the media is for (its official code: commune INSEE, EPCI
 * SIREN, département). The file itself is checked by content in AcceptUpload, not here.
 */
export const citizenUploadValidator = apiValidator({
  collectivity: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9AB]{2,9}$/),
})
