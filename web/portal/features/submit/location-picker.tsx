import { useState } from 'react';
import { Button } from '../../../ui/components/button.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { LazyWardMap } from '../map/lazy-ward-map.tsx';

export type Point = { lat: number; lng: number };

type LocationPickerProps = { value: Point | null; onChange: (point: Point | null) => void; onUnitFound?: (unitCode: string | null) => void };

/**
 * Optional location: "use my location" (asks the browser once, rounds to ~1 m) or a tap on the ward map
 * (loaded on demand), which also names the 2025 ward under the point and reports its code. A tap outside every
 * ward is not kept (the server would refuse it with LOCATION_OUT_OF_RANGE): the citizen is told and taps again.
 */
export function LocationPicker({ value, onChange, onUnitFound }: LocationPickerProps) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<'idle' | 'locating' | 'denied' | 'unsupported'>('idle');
  const [isMapOpen, setMapOpen] = useState(false);
  const [wardName, setWardName] = useState<string | null | undefined>(undefined);

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
      {isMapOpen ? (
        <LazyWardMap
          label={t('map.pickLabel')}
          marker={value}
          onPick={(point, ward) => {
            onChange(ward ? point : null);
            setWardName(ward ? (locale === 'en' && ward.properties.nameEn ? ward.properties.nameEn : ward.properties.name) : null);
            if (ward) onUnitFound?.(ward.properties.code);
          }}
        />
      ) : null}
      {value && wardName ? (
        <p className="map-ward-found" role="status">
          {t('map.wardFound', { ward: wardName })}
        </p>
      ) : null}
      {!value && wardName === null ? (
        <p className="field-error" role="alert">
          {t('map.outsideCity')}
        </p>
      ) : null}
      {value ? (
        <div className="row">
          <span role="status">{t('portal.location.set', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })}</span>
          <a href={`https://www.openstreetmap.org/?mlat=${value.lat}&mlon=${value.lng}#map=18/${value.lat}/${value.lng}`} target="_blank" rel="noreferrer">
            {t('portal.location.map')}
          </a>
          <Button variant="ghost" size="small" onClick={() => { onChange(null); setWardName(undefined); }}>
            {t('portal.location.remove')}
          </Button>
        </div>
      ) : (
        <div className="row">
          <Button variant="secondary" onClick={locate} busy={state === 'locating'}>
            {state === 'locating' ? t('portal.location.locating') : t('portal.location.use')}
          </Button>
          {isMapOpen ? null : (
            <Button variant="secondary" onClick={() => setMapOpen(true)}>
              {t('map.open')}
            </Button>
          )}
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
