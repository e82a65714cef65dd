import type { Unit } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { useAsync } from '../../../ui/use-async.ts';

const CITIZEN_FACING_KINDS: ReadonlySet<Unit['type']> = new Set(['ward', 'commune', 'special_zone']);

/** Wards, communes and the special zone, for the "where does it happen" picker. */
export function useWards() {
  return useAsync(async () => {
    const units = await api.get<Unit[]>('/api/public/units');
    return units.filter((unit) => CITIZEN_FACING_KINDS.has(unit.type)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, []);
}
