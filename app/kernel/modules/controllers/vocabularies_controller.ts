import ListVocabularies from '#kernel/modules/actions/list_vocabularies'

/** French labels of every code the API returns (public, cached). */
export default class VocabulariesController {
  async index() {
    return { data: await new ListVocabularies().handle() }
  }
}
