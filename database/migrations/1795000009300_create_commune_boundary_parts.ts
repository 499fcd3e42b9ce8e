import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Routing a report asks "which commune holds this point" once per report (ADR 0023). A whole
 * commune shape has up to ~800 vertices and a wide box that overlaps its neighbours'; cut into
 * parts of at most 64 vertices (ST_Subdivide), each box is tight, the GiST index finds one or
 * two candidates and the exact test runs on a few dozen vertices.
 *
 * The parts follow `collectivity_boundaries` by a trigger, so every writer (the import, the
 * EPCI recomputation, a hand-made fix) keeps them in step without knowing they exist; they go
 * with their shape (foreign key, cascade). `commune_at(lng, lat)` is the routing statement as a
 * PL/pgSQL function: its query plan is prepared once per connection and reused, whatever
 * client calls it (Lucid has no named prepared statements).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('commune_boundary_parts', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('collectivity_id')
        .inTable('collectivity_boundaries')
        .onDelete('CASCADE')
      table.specificType('part', 'geometry(Polygon, 4326)').notNullable()
      table.index(['collectivity_id'])
    })
    this.schema.raw(
      'CREATE INDEX commune_boundary_parts_part ON commune_boundary_parts USING gist (part)'
    )
    this.schema.raw(`
      CREATE FUNCTION commune_boundary_parts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM commune_boundary_parts WHERE collectivity_id = NEW.collectivity_id;
        IF (SELECT kind FROM collectivities WHERE id = NEW.collectivity_id) = 'commune' THEN
          INSERT INTO commune_boundary_parts (collectivity_id, part)
          SELECT NEW.collectivity_id, ST_Subdivide(NEW.shape, 64);
        END IF;
        RETURN NULL;
      END $$`)
    this.schema.raw(`
      CREATE TRIGGER commune_boundary_parts_sync
      AFTER INSERT OR UPDATE OF shape ON collectivity_boundaries
      FOR EACH ROW EXECUTE FUNCTION commune_boundary_parts_sync()`)
    this.schema.raw(`
      INSERT INTO commune_boundary_parts (collectivity_id, part)
      SELECT b.collectivity_id, ST_Subdivide(b.shape, 64)
      FROM collectivity_boundaries b JOIN collectivities c ON c.id = b.collectivity_id
      WHERE c.kind = 'commune'`)
    // A point on a border shared by two communes goes to the smaller code, always the same.
    this.schema.raw(`
      CREATE FUNCTION commune_at(lng float8, lat float8) RETURNS integer
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE found integer;
      BEGIN
        SELECT c.id INTO found
        FROM commune_boundary_parts p JOIN collectivities c ON c.id = p.collectivity_id
        WHERE c.status = 'onboarded'
          AND ST_Intersects(p.part, ST_SetSRID(ST_MakePoint(lng, lat), 4326))
        ORDER BY c.code
        LIMIT 1;
        RETURN found;
      END $$`)
  }

  async down() {
    this.schema.raw('DROP FUNCTION IF EXISTS commune_at(float8, float8)')
    this.schema.raw('DROP TRIGGER IF EXISTS commune_boundary_parts_sync ON collectivity_boundaries')
    this.schema.dropTable('commune_boundary_parts')
    this.schema.raw('DROP FUNCTION IF EXISTS commune_boundary_parts_sync()')
  }
}
