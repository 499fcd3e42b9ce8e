import { test } from '@japa/runner'
import { detectMediaType } from '#kernel/media/detect'
import * as fixtures from '#tests/fixtures/media/generate'

test.group('Media · type detection by content', (group) => {
  let files: Awaited<ReturnType<typeof fixtures.fixtureDir>>
  group.setup(async () => {
    files = await fixtures.fixtureDir()
    return () => files.remove()
  })

  test('the bytes decide, never the name', async ({ assert }) => {
    const pngNamedJpg = await fixtures.png(files.dir, 10, 10, 'photo.jpg')
    assert.deepEqual(await detectMediaType(pngNamedJpg), {
      kind: 'image',
      mime: 'image/png',
      ext: 'png',
    })
    assert.isUndefined(
      await detectMediaType(await fixtures.bytesFile(files.dir, 'report.jpg', fixtures.PDF))
    )
    assert.isUndefined(
      await detectMediaType(await fixtures.bytesFile(files.dir, 'page.jpg', fixtures.HTML))
    )
    assert.isUndefined(await detectMediaType(await fixtures.bytesFile(files.dir, 'empty.jpg', '')))
  })
})
