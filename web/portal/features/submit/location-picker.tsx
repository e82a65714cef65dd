import { useState } from 'react';
import { Button } from '../../../ui/components/button.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';

export type Point = { lat: number; lng: number };

type LocationPickerProps = { value: Point | null; onChange: (point: Point | null) => void };

/** Optional "use my location": asks the browser once, rounds to ~1 m, shows the point with a map link. */
export function LocationPicker({ value, onChange }: LocationPickerProps) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'locating' | 'denied' | 'unsupported'>('idle');

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const round = (n: number) => Math.round(n * 1e5) / 1e5;
        onChange({ lat: round(position.coords.latitude), lng: round(position.coords.longitude) });
        setState('idle');
      },
      () => setState('denied'),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <div className="field">
      <span className="field-label">
        {t('portal.location.label')} <span className="field-optional">({t('common.optional')})</span>
      </span>
      {value ? (
        <div className="row">
          <span role="status">{t('portal.location.set', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })}</span>
          <a href={`https://www.openstreetmap.org/?mlat=${value.lat}&mlon=${value.lng}#map=18/${value.lat}/${value.lng}`} target="_blank" rel="noreferrer">
            {t('portal.location.map')}
          </a>
          <Button variant="ghost" size="small" onClick={() => onChange(null)}>
            {t('portal.location.remove')}
          </Button>
        </div>
      ) : (
        <div>
          <Button variant="secondary" onClick={locate} busy={state === 'locating'}>
            {state === 'locating' ? t('portal.location.locating') : t('portal.location.use')}
          </Button>
        </div>
      )}
      {state === 'denied' && (
        <p className="field-error" role="alert">
          {t('portal.location.denied')}
        </p>
      )}
      {state === 'unsupported' && (
        <p className="field-error" role="alert">
          {t('portal.location.unsupported')}
        </p>
      )}
    </div>
  );
}
