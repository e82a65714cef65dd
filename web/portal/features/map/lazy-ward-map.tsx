import { lazy, Suspense } from 'react';
import { useT } from '../../../ui/i18n/i18n.tsx';
import type { WardMapProps } from './ward-map.tsx';

// The map (and its polygons) is a separate chunk: the portal's first load stays small on a slow phone.
const WardMap = lazy(() => import('./ward-map.tsx'));

export function LazyWardMap(props: WardMapProps) {
  const t = useT();
  return (
    <Suspense fallback={<div className="ward-map ward-map-loading" role="status">{t('map.loading')}</div>}>
      <WardMap {...props} />
    </Suspense>
  );
}
