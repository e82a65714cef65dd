import { readFileSync } from 'node:fs';
import { needsCheckFrom } from '../../domain/procedure/fact-checks.ts';
import { foldForSearch } from '../../domain/procedure/search-terms.ts';
import type { Db } from '../client.ts';
import { readReferenceJson } from './city-geography.ts';

type ProcedureJson = {
  code: string;
  name: string;
  short_name: string;
  field: string;
  level: string;
  agency: string;
  processing_time: unknown;
  fees: unknown[];
  documents: string[];
  result: string;
  legal_basis: string[];
  notes: string[];
  sources: string[];
  confidence?: Record<string, string>;
  /** The procedure may be done at the citizen's home (field visit); absent: at the office only. */
  home_service?: { allowed: boolean; conditions: string; basis: string; confidence: string };
};
type CatalogueJson = { procedures: ProcedureJson[]; other_commune_level_procedures: { code: string; name: string; field: string }[] };
type SynonymsJson = { synonyms: { phrase: string; means: string }[] };

const SYNONYMS_FILE = new URL('./procedure-synonyms.json', import.meta.url);

// Weighted document for full-text search: names first, then the field, then result and notes (all folded).
const UPSERT_SQL = `
INSERT INTO procedures (code, name, short_name, field, level, has_details, agency, processing_time, fees, documents, result,
                        legal_basis, notes, sources, needs_check, search_name, search_vector, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb,
        f_unaccent(lower($3 || ' ' || $2)),
        setweight(to_tsvector('simple', f_unaccent(lower($3 || ' ' || $2))), 'A')
          || setweight(to_tsvector('simple', f_unaccent(lower($4))), 'B')
          || setweight(to_tsvector('simple', f_unaccent(lower(coalesce($11, '') || ' ' || $16))), 'C'),
        now())
ON CONFLICT (code) DO UPDATE SET
  name = EXCLUDED.name, short_name = EXCLUDED.short_name, field = EXCLUDED.field, level = EXCLUDED.level,
  has_details = EXCLUDED.has_details, agency = EXCLUDED.agency, processing_time = EXCLUDED.processing_time,
  fees = EXCLUDED.fees, documents = EXCLUDED.documents, result = EXCLUDED.result, legal_basis = EXCLUDED.legal_basis,
  notes = EXCLUDED.notes, sources = EXCLUDED.sources, needs_check = EXCLUDED.needs_check,
  search_name = EXCLUDED.search_name, search_vector = EXCLUDED.search_vector, updated_at = EXCLUDED.updated_at`;

/**
 * Loads the procedure catalogue (reference-data/procedures/ward-procedures.json) and the synonym list into the
 * database. Idempotent: rows are upserted by code, so a changed data file takes effect on the next start.
 * Returns the number of procedures written.
 */
export async function seedProcedures(db: Db): Promise<number> {
  const data = readReferenceJson<CatalogueJson>('procedures/ward-procedures.json');
  const synonyms = (JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8')) as SynonymsJson).synonyms;
  const json = (v: unknown) => JSON.stringify(v ?? null);
  return db.transaction(async (tx) => {
    for (const p of data.procedures) {
      await tx.query(UPSERT_SQL, [
        p.code, p.name, p.short_name, p.field, p.level, true, p.agency, json(p.processing_time), json(p.fees), json(p.documents),
        p.result, json(p.legal_basis), json(p.notes), json(p.sources), json(needsCheckFrom(p.confidence)), p.notes.join(' '),
      ]);
      await tx.query('UPDATE procedures SET home_service = $2::jsonb WHERE code = $1', [p.code, p.home_service?.allowed ? json(p.home_service) : 'null']);
    }
    const described = new Set(data.procedures.map((p) => p.code));
    for (const p of data.other_commune_level_procedures.filter((o) => !described.has(o.code))) {
      const shortName = p.name.replace(/^Thủ tục\s+/u, '').replace(/^./u, (c) => c.toUpperCase());
      await tx.query(UPSERT_SQL, [p.code, p.name, shortName, p.field, 'xã', false, null, 'null', '[]', '[]', null, '[]', '[]', '[]', json(needsCheckFrom(undefined)), '']);
    }
    await tx.query('DELETE FROM procedure_synonyms');
    for (const s of synonyms) {
      await tx.query('INSERT INTO procedure_synonyms (phrase, means) VALUES ($1, $2) ON CONFLICT (phrase) DO UPDATE SET means = EXCLUDED.means', [
        foldForSearch(s.phrase),
        foldForSearch(s.means),
      ]);
    }
    return data.procedures.length + data.other_commune_level_procedures.length;
  });
}
