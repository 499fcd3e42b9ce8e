import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import { createCitizen } from '#tests/helpers/citizens'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { citizenMedia, gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import Collectivity from '#kernel/territories/models/collectivity'
import SubmitReport from '#signalement/actions/submit_report'
import ModerateReport from '#signalement/actions/moderate_report'
import MergeReport from '#signalement/actions/merge_report'
import ListReportQueue from '#signalement/actions/list_report_queue'
import ExportReportQueueCsv from '#signalement/actions/export_report_queue_csv'
import Tenant from '#kernel/tenancy/tenant'
import Report from '#signalement/models/report'
import ReportEvent from '#signalement/models/report_event'
import ReportUpdateMail from '#signalement/mails/report_update_mail'

let gers: Awaited<ReturnType<typeof gersWithShapes>>

/** A report written as the tests need it (handler, commune, dates, status), not routed. */
function makeReport(values: Partial<Report> & { collectivityId: number; communeId: number }) {
  return Report.create({
    categoryCode: 'voirie',
    description: 'Nid-de-poule',
    lat: POINTS.auch.lat,
    lng: POINTS.auch.lng,
    source: 'app',
    anonymous: false,
    status: 'submitted',
    moderation: 'pending',
    ...values,
  })
}

/** A citizen's report in Auch with a photo and a video from the media pipeline, published. */
async function reportWithMedia() {
  const citizen = await createCitizen()
  const photo = await citizenMedia(citizen.id, gers.auch.id)
  const second = await citizenMedia(citizen.id, gers.auch.id)
  const video = await citizenMedia(citizen.id, gers.auch.id, 'video')
  const report = await new SubmitReport().handle({
    categoryCode: 'voirie',
    description: 'Nid-de-poule devant la mairie',
    ...POINTS.auch,
    mediaIds: [photo.id, second.id, video.id],
    reporter: { citizenId: citizen.id },
  })
  const moderator = await makeAgent(`moderation.${report.id}@example.test`, [
    [gers.auch, 'moderator'],
  ])
  await new ModerateReport().handle(new Tenant(moderator, gers.auch, 'moderator'), {
    reportId: report.id,
    state: 'published',
  })
  return { citizen, report, photo, second, video, moderator }
}

const ids = (rows: Array<{ id: number }>) => rows.map((row) => row.id)

test.group('Signalement back-office: queue, map, detail, photos, duplicates, CSV', (group) => {
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('an EPCI agent filters its queue by commune, status, category, dates and overdue; the map shows the same', async ({
    client,
    assert,
  }) => {
    const pavie = await Collectivity.query()
      .where({ kind: 'commune', epciId: gers.grandAuch.id })
      .whereNot('id', gers.auch.id)
      .orderBy('name')
      .firstOrFail()
    const handler = gers.grandAuch.id
    const inAuch = await makeReport({
      collectivityId: handler,
      communeId: gers.auch.id,
      categoryCode: 'eau_assainissement',
      createdAt: DateTime.fromISO('2026-03-10T10:00', { zone: 'Europe/Paris' }),
    })
    const elsewhere = await makeReport({
      collectivityId: handler,
      communeId: pavie.id,
      categoryCode: 'depot_sauvage',
      overdue: true,
      createdAt: DateTime.fromISO('2026-04-02T10:00', { zone: 'Europe/Paris' }),
    })
    const resolved = await makeReport({
      collectivityId: handler,
      communeId: pavie.id,
      categoryCode: 'depot_sauvage',
      status: 'resolved',
      createdAt: DateTime.fromISO('2026-04-20T10:00', { zone: 'Europe/Paris' }),
    })
    // Auch's own report is not the EPCI's.
    await makeReport({ collectivityId: gers.auch.id, communeId: gers.auch.id })
    const agent = await makeAgent('moderation.grand-auch@example.test', [
      [gers.grandAuch, 'moderator'],
    ])
    const queue = (qs: Record<string, string>, path = '/signalement') =>
      client.get(path).qs(qs).withInertia().loginAs(agent)
    const shown = (qs: Record<string, string>) =>
      queue(qs).then((response) => ids(response.body().props.reports))

    const all = await queue({})
    all.assertStatus(200)
    assert.sameMembers(ids(all.body().props.reports), [inAuch.id, elsewhere.id, resolved.id])
    assert.sameDeepMembers(all.body().props.communes, [
      { value: gers.auch.id, label: 'Auch' },
      { value: pavie.id, label: pavie.name },
    ])
    assert.deepEqual(await shown({ communeId: String(pavie.id) }), [resolved.id, elsewhere.id])
    assert.deepEqual(await shown({ status: 'resolved' }), [resolved.id])
    assert.deepEqual(await shown({ category: 'eau_assainissement' }), [inAuch.id])
    assert.deepEqual(await shown({ overdue: 'true' }), [elsewhere.id])
    assert.deepEqual(await shown({ from: '2026-04-01', to: '2026-04-02' }), [elsewhere.id])

    const map = await queue({ communeId: String(pavie.id) }, '/signalement/map')
    map.assertStatus(200)
    assert.equal(map.body().component, 'signalement/map')
    assert.deepEqual(ids(map.body().props.reports), [resolved.id, elsewhere.id])
    assert.containsSubset(map.body().props.reports[0], { lat: POINTS.auch.lat, status: 'resolved' })
    assert.property(map.body().props.map, 'tileUrl')
    assert.deepEqual(
      map.body().props.tabs.map((tab: { label: string }) => tab.label),
      ['Liste', 'Carte', 'Statistiques']
    )

    // A filter that makes no sense is a French 422, never a 500.
    const wrong = await client
      .get('/signalement')
      .qs({ status: 'perdu', communeId: '99999999999' })
      .header('accept', 'application/json')
      .loginAs(agent)
    wrong.assertStatus(422)
    assert.sameMembers(
      wrong.body().errors.map((error: { field: string }) => error.field),
      ['status', 'communeId']
    )
  })

  test('the CSV export is the filtered queue, UTF-8 with BOM, « ; » and French headers', async ({
    client,
    assert,
  }) => {
    const first = await makeReport({
      collectivityId: gers.auch.id,
      communeId: gers.auch.id,
      description: 'Trou ; profond "vraiment"',
      address: 'Place de la Libération',
      createdAt: DateTime.fromISO('2026-05-04T09:30', { zone: 'Europe/Paris' }),
    })
    await makeReport({
      collectivityId: gers.auch.id,
      communeId: gers.auch.id,
      categoryCode: 'eclairage',
    })
    const moderator = await makeAgent('csv.auch@example.test', [[gers.auch, 'moderator']])
    const response = await client
      .get('/signalement/export.csv')
      .qs({ category: 'voirie' })
      .loginAs(moderator)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv; charset=utf-8/)
    assert.match(
      response.header('content-disposition') ?? '',
      /attachment; filename="signalements-/
    )
    const text = response.text()
    assert.isTrue(text.startsWith('\uFEFF'), 'BOM')
    const lines = text.slice(1).trimEnd().split('\r\n')
    assert.equal(
      lines[0],
      'N°;Catégorie;Statut;Modération;En retard;Commune;Adresse;Latitude;Longitude;Description;Soutiens;Déposé le;Pris en compte le;Clos le;Message public'
    )
    assert.lengthOf(lines, 2)
    assert.equal(
      lines[1],
      `${first.id};Voirie / nid-de-poule;Déposé;En attente de modération;non;Auch;Place de la Libération;43,6625;0,6083;"Trou ; profond ""vraiment""";0;04/05/2026 09:30;;;`
    )
  })

  test('the detail shows photos, video, history; an agent hides one photo with a reason the reporter receives', async ({
    client,
    assert,
  }) => {
    const { citizen, report, photo, second, video, moderator } = await reportWithMedia()
    const fake = mail.fake()
    const detail = await client.get(`/signalement/${report.id}`).withInertia().loginAs(moderator)
    detail.assertStatus(200)
    assert.equal(detail.body().component, 'signalement/show')
    const props = detail.body().props.report
    assert.deepEqual(ids(props.photos), [photo.id, second.id])
    assert.match(props.photos[0].variants[0].url, /\/w800\.webp$/)
    assert.equal(props.video.id, video.id)
    assert.equal(props.video.variants[0].mime, 'video/mp4')
    assert.deepEqual(
      props.history.map((line: { kind: string }) => line.kind),
      ['submitted', 'published']
    )
    assert.deepEqual(
      props.reassignTo.map((option: { id: number }) => option.id).sort(),
      [gers.gers.id, gers.grandAuch.id].sort()
    )
    assert.equal(props.reporter.email, citizen.email)

    const hidden = await client
      .post(`/signalement/${report.id}/hide-photo`)
      .json({ mediaId: photo.id, reason: 'Un visage est reconnaissable' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    hidden.assertStatus(302)

    // Gone from the public API and the GeoJSON; the other photo and the video stay.
    const publicReport = await client.get(`/api/v1/reports/${report.id}`)
    assert.deepEqual(ids(publicReport.body().data.photos), [second.id])
    assert.equal(publicReport.body().data.video.id, video.id)
    const geojson = await client
      .get('/api/v1/collectivities/32013/reports')
      .qs({ format: 'geojson' })
    const feature = geojson.body().features.find((item: { id: number }) => item.id === report.id)
    assert.deepEqual(ids(feature.properties.photos), [second.id])

    // Agents still see it, marked hidden with its reason; the history says who and why.
    const after = await client.get(`/signalement/${report.id}`).withInertia().loginAs(moderator)
    const photos = after.body().props.report.photos
    assert.equal(photos[0].hiddenReason, 'Un visage est reconnaissable')
    assert.isString(photos[0].hiddenAt)
    assert.isNull(photos[1].hiddenAt)
    const last = after.body().props.report.history.at(-1)
    assert.containsSubset(last, {
      kind: 'photo_hidden',
      publicMessage: 'Un visage est reconnaissable',
    })

    const mails = fake.mails.queued(
      (sent) => sent instanceof ReportUpdateMail
    ) as ReportUpdateMail[]
    assert.lengthOf(mails, 1)
    assert.equal(mails[0].email, citizen.email)
    assert.equal(mails[0].headline, 'une photo a été masquée')
    assert.equal(mails[0].publicMessage, 'Motif : Un visage est reconnaissable')

    // Twice, without a reason, or a media of another report: refused in French, nothing changes.
    const again = await client
      .post(`/signalement/${report.id}/hide-photo`)
      .header('accept', 'application/json')
      .json({ mediaId: photo.id, reason: 'Encore' })
      .withCsrfToken()
      .loginAs(moderator)
    again.assertStatus(422)
    assert.equal(again.body().errors[0].message, 'Ce média est déjà masqué')
    const noReason = await client
      .post(`/signalement/${report.id}/hide-photo`)
      .header('accept', 'application/json')
      .json({ mediaId: second.id, reason: '' })
      .withCsrfToken()
      .loginAs(moderator)
    noReason.assertStatus(422)
    assert.equal(noReason.body().errors[0].message, 'Le champ motif est obligatoire')
    const stranger = await citizenMedia(citizen.id, gers.auch.id)
    const notHis = await client
      .post(`/signalement/${report.id}/hide-photo`)
      .header('accept', 'application/json')
      .json({ mediaId: stranger.id, reason: 'Une plaque' })
      .withCsrfToken()
      .loginAs(moderator)
    notHis.assertStatus(422)
    assert.equal(notHis.body().errors[0].field, 'mediaId')
    const visible = await db
      .from('signalement_report_media')
      .where('report_id', report.id)
      .whereNull('hidden_at')
      .count('* as n')
      .first()
    assert.equal(Number(visible.n), 2)
  })

  test('a duplicate merges into its original: closed with a link, photos and supports carried, history on both', async ({
    client,
    assert,
  }) => {
    const { citizen: firstReporter, report: original, moderator } = await reportWithMedia()
    const { citizen: secondReporter, report: duplicate, photo } = await reportWithMedia()
    const supporter = await createCitizen()
    await db.table('signalement_supports').multiInsert([
      { report_id: duplicate.id, citizen_id: supporter.id, created_at: new Date() },
      // The original's own reporter supported the duplicate: not their own supporter.
      { report_id: duplicate.id, citizen_id: firstReporter.id, created_at: new Date() },
    ])
    const fake = mail.fake()

    const merged = await client
      .post(`/signalement/${duplicate.id}/merge`)
      .json({ intoId: original.id, internalNote: 'Même trou' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    merged.assertStatus(302)
    assert.equal(merged.header('location'), `/signalement/${original.id}`)

    const closed = await Report.findOrFail(duplicate.id)
    assert.equal(closed.mergedIntoId, original.id)
    assert.equal(closed.status, 'rejected')
    assert.include(closed.publicMessage!, `n° ${original.id}`)
    const kept = await Report.findOrFail(original.id)
    assert.equal(kept.supportsCount, 2)
    const supporters = await db
      .from('signalement_supports')
      .where('report_id', original.id)
      .orderBy('citizen_id')
      .select('citizen_id')
    assert.sameMembers(
      supporters.map((row) => row.citizen_id),
      [supporter.id, secondReporter.id]
    )
    const media = await db
      .from('signalement_report_media')
      .where('report_id', original.id)
      .orderBy('position')
      .select('media_id', 'position')
    assert.lengthOf(media, 6)
    assert.equal(media[3].media_id, photo.id)
    assert.equal(media[3].position, 3)

    const historyOf = (id: number) =>
      ReportEvent.query()
        .where('reportId', id)
        .orderBy('id')
        .then((events) => events.map((event) => event.kind))
    assert.deepEqual(await historyOf(duplicate.id), ['submitted', 'published', 'merged'])
    assert.deepEqual(await historyOf(original.id), ['submitted', 'published', 'merged'])

    // Off the queue and the public map; its page links to the original, whose page lists it.
    const queue = await client.get('/signalement').withInertia().loginAs(moderator)
    assert.notInclude(ids(queue.body().props.reports), duplicate.id)
    const map = await client.get('/api/v1/collectivities/32013/reports')
    assert.notInclude(ids(map.body().data), duplicate.id)
    const page = await client.get(`/signalement/${duplicate.id}`).withInertia().loginAs(moderator)
    assert.equal(page.body().props.report.mergedIntoId, original.id)
    const originalPage = await client
      .get(`/signalement/${original.id}`)
      .withInertia()
      .loginAs(moderator)
    assert.deepEqual(ids(originalPage.body().props.report.duplicates), [duplicate.id])

    const mails = fake.mails.queued(
      (sent) => sent instanceof ReportUpdateMail
    ) as ReportUpdateMail[]
    assert.deepEqual(
      mails.map((sent) => sent.email),
      [secondReporter.email]
    )
    assert.equal(mails[0].headline, `regroupé avec le signalement n° ${original.id}`)

    // Refusals: itself, into a duplicate, again, another authority's report.
    const refuse = (id: number, intoId: number) =>
      client
        .post(`/signalement/${id}/merge`)
        .header('accept', 'application/json')
        .json({ intoId })
        .withCsrfToken()
        .loginAs(moderator)
    const self = await refuse(original.id, original.id)
    self.assertStatus(422)
    assert.equal(self.body().errors[0].field, 'intoId')
    const intoDuplicate = await refuse(original.id, duplicate.id)
    intoDuplicate.assertStatus(422)
    assert.include(intoDuplicate.body().errors[0].message, 'lui-même un doublon')
    const twice = await refuse(duplicate.id, original.id)
    twice.assertStatus(422)
    const condomReport = await makeReport({
      collectivityId: gers.condom.id,
      communeId: gers.condom.id,
    })
    const foreign = await refuse(original.id, condomReport.id)
    foreign.assertStatus(422)
    assert.equal(
      foreign.body().errors[0].message,
      `Aucun signalement n° ${condomReport.id} dans la file de votre collectivité`
    )
    const untouched = await Report.findOrFail(original.id)
    assert.isNull(untouched.mergedIntoId)
  })

  test('a merged duplicate cannot be handed to another authority: 409, the message names its original', async ({
    client,
    assert,
  }) => {
    const { report: original, moderator } = await reportWithMedia()
    const duplicate = await makeReport({ collectivityId: gers.auch.id, communeId: gers.auch.id })
    await new MergeReport().handle(new Tenant(moderator, gers.auch, 'moderator'), {
      reportId: duplicate.id,
      intoId: original.id,
    })
    const expected = `Ce signalement a été regroupé avec le signalement n° ${original.id} : confiez plutôt le n° ${original.id} à une autre collectivité`

    const asJson = await client
      .post(`/signalement/${duplicate.id}/reassign`)
      .header('accept', 'application/json')
      .json({ toCollectivityId: gers.gers.id })
      .withCsrfToken()
      .loginAs(moderator)
    asJson.assertStatus(409)
    assert.deepEqual(asJson.body().errors, [{ code: 'E_REPORT_MERGED', message: expected }])

    // From the page: back to it with the message flashed.
    const fromPage = await client
      .post(`/signalement/${duplicate.id}/reassign`)
      .form({ toCollectivityId: gers.gers.id })
      .header('referer', `/signalement/${duplicate.id}`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    fromPage.assertStatus(302)
    assert.equal(fromPage.header('location'), `/signalement/${duplicate.id}`)
    fromPage.assertFlashMessage('error', expected)

    const unchanged = await Report.findOrFail(duplicate.id)
    assert.equal(unchanged.collectivityId, gers.auch.id)
    const reassigned = await ReportEvent.query()
      .where({ reportId: duplicate.id, kind: 'reassigned' })
      .first()
    assert.isNull(reassigned)
  })

  test('a moderator undoes a merge: the duplicate gets its state back, its photos and supports leave the original', async ({
    client,
    assert,
  }) => {
    const { report: original, moderator } = await reportWithMedia()
    const { citizen: secondReporter, report: duplicate, photo } = await reportWithMedia()
    const tenant = new Tenant(moderator, gers.auch, 'moderator')
    await Report.query()
      .where('id', duplicate.id)
      .update({ status: 'in_progress', public_message: 'Intervention prévue', overdue: true })
    const both = await createCitizen()
    const onlyDuplicate = await createCitizen()
    await db.table('signalement_supports').multiInsert([
      { report_id: original.id, citizen_id: both.id, created_at: new Date() },
      { report_id: duplicate.id, citizen_id: both.id, created_at: new Date() },
      { report_id: duplicate.id, citizen_id: onlyDuplicate.id, created_at: new Date() },
    ])
    await Report.query().where('id', original.id).update({ supports_count: 1 })
    // A third report already absorbed by the duplicate: it follows it to the original, and back.
    const absorbed = await makeReport({ collectivityId: gers.auch.id, communeId: gers.auch.id })
    await new MergeReport().handle(tenant, { reportId: absorbed.id, intoId: duplicate.id })
    await new MergeReport().handle(tenant, { reportId: duplicate.id, intoId: original.id })
    const absorbedAfterMerge = await Report.findOrFail(absorbed.id)
    assert.equal(absorbedAfterMerge.mergedIntoId, original.id)
    const originalAfterMerge = await Report.findOrFail(original.id)
    assert.equal(originalAfterMerge.supportsCount, 3)
    // Hidden on the original after the merge: the duplicate keeps it hidden once taken back.
    await client
      .post(`/signalement/${original.id}/hide-photo`)
      .json({ mediaId: photo.id, reason: 'Une plaque lisible' })
      .withCsrfToken()
      .loginAs(moderator)
    const fake = mail.fake()

    const undone = await client
      .post(`/signalement/${duplicate.id}/unmerge`)
      .json({ internalNote: 'Pas le même trou' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    undone.assertStatus(302)
    assert.equal(undone.header('location'), `/signalement/${duplicate.id}`)

    const restored = await Report.findOrFail(duplicate.id)
    assert.isNull(restored.mergedIntoId)
    assert.equal(restored.status, 'in_progress')
    assert.equal(restored.publicMessage, 'Intervention prévue')
    assert.isNull(restored.resolvedAt)
    assert.isTrue(restored.overdue)
    const kept = await Report.findOrFail(original.id)
    assert.equal(kept.supportsCount, 1)
    const supporters = await db
      .from('signalement_supports')
      .where('report_id', original.id)
      .select('citizen_id')
    assert.deepEqual(
      supporters.map((row) => row.citizen_id),
      [both.id]
    )
    const mediaOf = (id: number) =>
      db
        .from('signalement_report_media')
        .where('report_id', id)
        .orderBy('position')
        .select('media_id', 'hidden_reason')
    assert.lengthOf(await mediaOf(original.id), 3)
    const own = await mediaOf(duplicate.id)
    assert.lengthOf(own, 3)
    assert.equal(own.find((row) => row.media_id === photo.id)!.hidden_reason, 'Une plaque lisible')
    const absorbedAfterUndo = await Report.findOrFail(absorbed.id)
    assert.equal(absorbedAfterUndo.mergedIntoId, duplicate.id)

    // Back in the queue and, published, on the map; both histories say so.
    const queue = await client.get('/signalement').withInertia().loginAs(moderator)
    assert.include(ids(queue.body().props.reports), duplicate.id)
    const map = await client.get('/api/v1/collectivities/32013/reports')
    assert.include(ids(map.body().data), duplicate.id)
    const page = await client.get(`/signalement/${duplicate.id}`).withInertia().loginAs(moderator)
    assert.isNull(page.body().props.report.mergedIntoId)
    assert.containsSubset(page.body().props.report.history.at(-1), {
      kind: 'unmerged',
      label: 'Regroupement annulé',
      fromStatus: 'Rejeté',
      internalNote: `Ne fait plus partie du n° ${original.id} : Pas le même trou`,
    })
    const originalHistory = await ReportEvent.query().where('reportId', original.id).orderBy('id')
    assert.equal(originalHistory.at(-1)!.kind, 'unmerged')
    const mails = fake.mails.queued(
      (sent) => sent instanceof ReportUpdateMail
    ) as ReportUpdateMail[]
    assert.deepEqual(
      mails.map((sent) => sent.email),
      [secondReporter.email]
    )

    // Refusals, in French with a 409: not merged (any more), out of order, merged before undo existed.
    const refuse = (id: number) =>
      client
        .post(`/signalement/${id}/unmerge`)
        .header('accept', 'application/json')
        .json({})
        .withCsrfToken()
        .loginAs(moderator)
    const again = await refuse(duplicate.id)
    again.assertStatus(409)
    assert.equal(again.body().errors[0].message, 'Ce signalement n’est regroupé avec aucun autre')
    const third = await makeReport({ collectivityId: gers.auch.id, communeId: gers.auch.id })
    await new MergeReport().handle(tenant, { reportId: duplicate.id, intoId: original.id })
    await new MergeReport().handle(tenant, { reportId: original.id, intoId: third.id })
    const outOfOrder = await refuse(duplicate.id)
    outOfOrder.assertStatus(409)
    assert.equal(
      outOfOrder.body().errors[0].message,
      `Le signalement n° ${original.id} a depuis été regroupé avec le n° ${third.id} : annulez d’abord ce regroupement-là`
    )
    const legacy = await makeReport({
      collectivityId: gers.auch.id,
      communeId: gers.auch.id,
      status: 'rejected',
      mergedIntoId: third.id,
    })
    const unavailable = await refuse(legacy.id)
    unavailable.assertStatus(409)
    assert.equal(unavailable.body().errors[0].code, 'E_UNMERGE_UNAVAILABLE')
  })

  test('a moderator shows a hidden photo again: public at once, the history keeps both steps', async ({
    client,
    assert,
  }) => {
    const { report, photo, second, moderator } = await reportWithMedia()
    const post = (path: string, body: Record<string, unknown>) =>
      client
        .post(`/signalement/${report.id}/${path}`)
        .header('accept', 'application/json')
        .json(body)
        .withCsrfToken()
        .loginAs(moderator)
    const notHidden = await post('unhide-photo', { mediaId: photo.id })
    notHidden.assertStatus(422)
    assert.deepEqual(notHidden.body().errors, [
      { code: 'E_NOT_HIDDEN', message: 'Ce média n’est pas masqué', field: 'mediaId' },
    ])
    const hidden = await client
      .post(`/signalement/${report.id}/hide-photo`)
      .json({ mediaId: photo.id, reason: 'Un visage' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    hidden.assertStatus(302)
    const publicBefore = await client.get(`/api/v1/reports/${report.id}`)
    assert.deepEqual(ids(publicBefore.body().data.photos), [second.id])

    const shown = await client
      .post(`/signalement/${report.id}/unhide-photo`)
      .form({ mediaId: photo.id })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    shown.assertStatus(302)
    shown.assertFlashMessage('success', 'Média de nouveau visible du public')
    const publicAfter = await client.get(`/api/v1/reports/${report.id}`)
    assert.deepEqual(ids(publicAfter.body().data.photos), [photo.id, second.id])
    const page = await client.get(`/signalement/${report.id}`).withInertia().loginAs(moderator)
    const props = page.body().props.report
    assert.isNull(props.photos[0].hiddenAt)
    assert.deepEqual(
      props.history.slice(-2).map((line: { kind: string }) => line.kind),
      ['photo_hidden', 'photo_unhidden']
    )
    assert.equal(props.history.at(-1).internalNote, 'Masqué auparavant pour : Un visage')
    const foreign = await post('unhide-photo', { mediaId: 999999 })
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'mediaId')
  })

  test('the CSV export streams keyset pages: every filtered row once, in the queue’s order, whatever the page size', async ({
    client,
    assert,
  }) => {
    const made: Report[] = []
    for (let index = 0; index < 7; index++) {
      made.push(
        await makeReport({
          collectivityId: gers.auch.id,
          communeId: index % 2 ? gers.auch.id : gers.condom.id,
          description: `Trou n° ${index}`,
        })
      )
    }
    await makeReport({
      collectivityId: gers.auch.id,
      communeId: gers.auch.id,
      categoryCode: 'eclairage',
    })
    // Ties on created_at, and two dates in the same millisecond: the key must keep the
    // microseconds, or a page boundary there would skip a row.
    await db.rawQuery(
      `UPDATE signalement_reports SET created_at = CASE
         WHEN id IN (?, ?, ?) THEN '2026-05-04 09:30:00.123456+02'::timestamptz
         WHEN id = ? THEN '2026-05-04 09:30:00.123400+02'::timestamptz
         ELSE '2026-05-03 08:00:00+02'::timestamptz END
       WHERE id IN (${made.map(() => '?').join(',')})`,
      [made[0].id, made[1].id, made[2].id, made[3].id, ...made.map((report) => report.id)]
    )
    const moderator = await makeAgent('csv.pages@example.test', [[gers.auch, 'moderator']])
    const tenant = new Tenant(moderator, gers.auch, 'moderator')
    const queue = await new ListReportQueue().handle(tenant, { category: 'voirie' }, null)
    const expected = queue.map((report) => report.id)
    assert.lengthOf(expected, 7)

    const chunks: string[] = []
    for await (const chunk of new ExportReportQueueCsv().handle(tenant, { category: 'voirie' }, 2))
      chunks.push(chunk)
    // The BOM and headers, then four pages (2, 2, 2, 1 rows).
    assert.lengthOf(chunks, 5)
    assert.isTrue(chunks[0].startsWith('\uFEFFN°;Catégorie;'))
    const text = chunks.join('')
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1)
    assert.deepEqual(
      rows.map((line) => Number(line.split(';')[0])),
      expected
    )
    assert.equal(rows.find((line) => line.startsWith(`${made[0].id};`))!.split(';')[5], 'Condom')
    assert.equal(rows.find((line) => line.startsWith(`${made[1].id};`))!.split(';')[5], 'Auch')

    // The route sends the same bytes (default page size).
    const response = await client
      .get('/signalement/export.csv')
      .qs({ category: 'voirie' })
      .loginAs(moderator)
    response.assertStatus(200)
    assert.equal(response.text(), text)
  })
})
