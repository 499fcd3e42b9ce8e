import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PabulibFormatError, parsePabulib } from '#participation/support/pabulib/parse'
import { writePabulib } from '#participation/support/pabulib/write'
import { ballotsDigest } from '#participation/support/allocation/digest'

const handWritten = readFileSync('tests/fixtures/participation/hand_written_knapsack.pb', 'utf8')

function refusal(text: string): PabulibFormatError {
  try {
    parsePabulib(text)
  } catch (error) {
    if (error instanceof PabulibFormatError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

const valid = [
  'META',
  'key;value',
  'budget;100',
  'vote_type;approval',
  'PROJECTS',
  'project_id;cost',
  '1;40',
  '2;60',
  'VOTES',
  'voter_id;vote',
  'v1;1,2',
  'v2;2',
]

test.group('Pabulib reader', () => {
  test('reads a hand-written knapsack-style file: quoted names, optional age, selected', ({
    assert,
  }) => {
    const file = parsePabulib(handWritten)
    assert.equal(file.budget, 50000)
    assert.equal(file.ballotRule, 'knapsack')
    assert.deepEqual(
      file.projects.map((project) => [project.id, project.cost, project.name, project.selected]),
      [
        ['1', 20000, 'Jardin partagé; quartier du Garros', true],
        ['2', 30000, 'Piste cyclable rue Victor-Hugo', true],
        ['3', 15000, 'Boîte à livres "Lire ensemble"', false],
        ['4', 5000, 'Bancs place de la Libération', false],
      ]
    )
    assert.deepEqual(file.votes[0], { voterId: 'a1', projectIds: ['1', '2'], age: 34, line: 22 })
    assert.isNull(file.votes[1].age)
  })

  test('reads the Wieliczka 2023 file (approval, min_length, CRLF)', ({ assert }) => {
    const file = parsePabulib(
      readFileSync('tests/fixtures/participation/poland_wieliczka_2023_green-budget.pb', 'utf8')
    )
    assert.equal(file.ballotRule, 'approval')
    assert.equal(file.minLength, 1)
    assert.lengthOf(file.projects, Number(file.meta.num_projects))
    assert.lengthOf(file.votes, Number(file.meta.num_votes))
  })

  test('refuses, naming the line: unknown project, duplicate voter, negative cost, lengths, field count', ({
    assert,
  }) => {
    const cases: Array<[number, string, RegExp]> = [
      [11, 'v1;1,3', /ligne 11 : projet inconnu « 3 »/],
      [12, 'v1;2', /ligne 12 : votant v1 en double/],
      [7, '1;-40', /ligne 7 : coût du projet 1 négatif/],
      [7, '1;4x', /ligne 7 : coût du projet 1 « 4x » n'est pas un nombre entier/],
      [11, 'v1;1,1', /ligne 11 : projet 1 deux fois/],
      [11, 'v1;1;extra', /ligne 11 : 3 champs au lieu de 2/],
    ]
    for (const [line, replacement, message] of cases) {
      const lines = [...valid]
      lines[line - 1] = replacement
      const error = refusal(lines.join('\n'))
      assert.equal(error.line, line)
      assert.match(error.message, message)
    }
    const bounded = [...valid.slice(0, 4), 'max_length;1', ...valid.slice(4)]
    assert.match(refusal(bounded.join('\n')).message, /ligne 12 : 2 projets, plus que max_length 1/)
  })

  test('refuses unsupported vote types and missing sections clearly', ({ assert }) => {
    const ordinal = valid.map((line) =>
      line === 'vote_type;approval' ? 'vote_type;cumulative' : line
    )
    assert.match(
      refusal(ordinal.join('\n')).message,
      /ligne 4 : type de vote « cumulative » non pris en charge/
    )
    assert.match(refusal(valid.slice(0, 8).join('\n')).message, /section VOTES absente/)
  })
})

test.group('Pabulib writer and ballots digest', () => {
  test('what it writes reads back the same', ({ assert }) => {
    const text = writePabulib({
      meta: [
        ['budget', 100],
        ['vote_type', 'approval'],
        ['description', 'Essai ; "guillemets"'],
      ],
      projects: [
        { id: '1', cost: 40, votes: 1, name: 'Un; deux', selected: true },
        { id: '2', cost: 60, votes: 2, name: 'Trois', selected: false },
      ],
      votes: [
        { voterId: 'x', projectIds: ['1', '2'], age: 40 },
        { voterId: 'y', projectIds: ['2'], age: null },
      ],
    })
    const file = parsePabulib(text)
    assert.equal(file.meta.description, 'Essai ; "guillemets"')
    assert.deepEqual(
      file.projects.map((p) => [p.id, p.cost, p.name, p.selected]),
      [
        ['1', 40, 'Un; deux', true],
        ['2', 60, 'Trois', false],
      ]
    )
    assert.deepEqual(
      file.votes.map((v) => [v.voterId, v.projectIds, v.age]),
      [
        ['x', ['1', '2'], 40],
        ['y', ['2'], null],
      ]
    )
  })

  test('the digest is SHA-256 of the sorted ballots, each with its ids sorted, whatever the order', ({
    assert,
  }) => {
    const expected = createHash('sha256').update('1,2,10\n2').digest('hex')
    assert.equal(ballotsDigest([['2'], ['10', '1', '2']]), expected)
    assert.equal(ballotsDigest([['1', '2', '10'], ['2']]), expected)
    assert.notEqual(ballotsDigest([['1'], ['2']]), ballotsDigest([['1', '2']]))
  })
})
