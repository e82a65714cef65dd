import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { MapConfig } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { boundsOf, findWardAt, project, tilesFor, unproject, wardPath, zoomBox, type Box, type Point, type WardCollection, type WardFeature } from './geometry.ts';

export type MapDot = { id: string; lat: number; lng: number; status: string; label: string };
export type WardMapProps = {
  /** Tap, click, or Enter at the centre: the point and the ward under it (undefined outside the city). */
  onPick?: (point: Point, ward: WardFeature | undefined) => void;
  marker?: Point | null;
  dots?: MapDot[];
  selectedDotId?: string | null;
  onDotSelect?: (id: string) => void;
  label: string;
};

// Fetched once per page load, only when a map is first shown (the portal's first load never asks for it).
let wardsPromise: Promise<[WardCollection, MapConfig]> | undefined;
const loadWards = () =>
  (wardsPromise ??= Promise.all([api.get<WardCollection>('/api/public/wards.geojson'), api.get<MapConfig>('/api/public/map-config').catch(() => ({ tileUrl: null, tileAttribution: null }))]));

const TAP_SLOP_PX = 8;

/** SVG map of the 2025 wards: drag or arrow keys to pan, wheel, pinch, +/− keys or buttons to zoom. */
export default function WardMap({ onPick, marker, dots, selectedDotId, onDotSelect, label }: WardMapProps) {
  const t = useT();
  const [data, setData] = useState<[WardCollection, MapConfig] | null>(null);
  const [error, setError] = useState(false);
  const [box, setBox] = useState<Box | null>(null);
  const [widthPx, setWidthPx] = useState(360);
  const svgRef = useRef<SVGSVGElement>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ moved: number; startBox: Box | null; pinch: number | null }>({ moved: 0, startBox: null, pinch: null });

  useEffect(() => {
    let live = true;
    loadWards().then((d) => live && setData(d), () => live && setError(true));
    return () => void (live = false);
  }, []);
  const wards = data?.[0];
  const tileUrl = data?.[1].tileUrl ?? null;
  const home = useMemo(() => (wards ? boundsOf(wards) : null), [wards]);
  const paths = useMemo(() => wards?.features.map((f) => ({ code: f.properties.code, d: wardPath(f) })) ?? [], [wards]);
  const view = box ?? (home ? fitAspect(home) : null);
  const limits = home ? { minW: home.w / 200, maxW: home.w * 1.5 } : { minW: 1, maxW: 1 };
  const pickedCode = useMemo(() => (wards && marker ? findWardAt(wards, marker)?.properties.code : undefined), [wards, marker]);

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidthPx(el.clientWidth || 360));
    observer.observe(el);
    return () => observer.disconnect();
  }, [data]);

  if (error) return <p className="alert alert-error">{t('map.loadFailed')}</p>;
  if (!wards || !view) return <div className="ward-map ward-map-loading" role="status">{t('map.loading')}</div>;

  const toWorld = (clientX: number, clientY: number): [number, number] => {
    const rect = svgRef.current!.getBoundingClientRect();
    return [view.x + ((clientX - rect.left) / rect.width) * view.w, view.y + ((clientY - rect.top) / rect.height) * view.h];
  };
  const pick = (x: number, y: number) => {
    if (!onPick) return;
    const p = unproject(x, y);
    const point = { lat: Math.round(p.lat * 1e5) / 1e5, lng: Math.round(p.lng * 1e5) / 1e5 };
    onPick(point, findWardAt(wards, point));
  };
  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => setBox(zoomBox(view, factor, cx, cy, limits));
  const pan = (fx: number, fy: number) => setBox({ ...view, x: view.x + view.w * fx, y: view.y + view.h * fy });

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    (e.target as Element).setPointerCapture?.(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    gesture.current = { moved: pointers.current.size > 1 ? TAP_SLOP_PX + 1 : 0, startBox: view, pinch: null };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev) return;
    const rect = svgRef.current!.getBoundingClientRect();
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      const g = gesture.current;
      if (g.pinch && distance > 0) {
        const [cx, cy] = toWorld((a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
        zoom(g.pinch / distance, cx, cy);
      }
      g.pinch = distance;
      return;
    }
    const dx = e.clientX - prev.x;
    const dy = e.clientY - prev.y;
    gesture.current.moved += Math.abs(dx) + Math.abs(dy);
    if (gesture.current.moved > TAP_SLOP_PX) setBox((b) => {
      const v = b ?? view;
      return { ...v, x: v.x - (dx / rect.width) * v.w, y: v.y - (dy / rect.height) * v.h };
    });
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const wasTap = pointers.current.size === 1 && gesture.current.moved <= TAP_SLOP_PX;
    pointers.current.delete(e.pointerId);
    if (!wasTap) return;
    const dotId = (e.target as Element).getAttribute?.('data-dot');
    if (dotId && onDotSelect) onDotSelect(dotId);
    else pick(...toWorld(e.clientX, e.clientY));
  };
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const [cx, cy] = toWorld(e.clientX, e.clientY);
    zoom(e.deltaY > 0 ? 1.25 : 0.8, cx, cy);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = 0.15;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(-step, 0), ArrowRight: () => pan(step, 0), ArrowUp: () => pan(0, -step), ArrowDown: () => pan(0, step),
      '+': () => zoom(0.67), '=': () => zoom(0.67), '-': () => zoom(1.5), '0': () => setBox(null),
      Enter: () => pick(view.x + view.w / 2, view.y + view.h / 2), ' ': () => pick(view.x + view.w / 2, view.y + view.h / 2),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const stroke = view.w / 400;
  const [mx, my] = marker ? project(marker.lng, marker.lat) : [0, 0];
  return (
    <div className="ward-map">
      <svg
        ref={svgRef}
        className="ward-map-svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="application"
        aria-label={label}
        aria-describedby="ward-map-help"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={(e) => pointers.current.delete(e.pointerId)}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
      >
        {tileUrl
          ? tilesFor(view, widthPx).map((tile) => (
              <image key={`${tile.z}/${tile.x}/${tile.y}`} href={tileUrl.replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y))} x={tile.x * tile.size} y={tile.y * tile.size} width={tile.size} height={tile.size} />
            ))
          : null}
        <g className={tileUrl ? 'ward-shapes ward-shapes-over-tiles' : 'ward-shapes'} strokeWidth={stroke}>
          {paths.map((p) => (
            <path key={p.code} data-code={p.code} d={p.d} fillRule="evenodd" className={p.code === pickedCode ? 'ward ward-picked' : 'ward'} />
          ))}
        </g>
        {dots?.map((dot) => {
          const [x, y] = project(dot.lng, dot.lat);
          return (
            <circle key={dot.id} data-dot={dot.id} cx={x} cy={y} r={stroke * (dot.id === selectedDotId ? 6 : 4)} className={`map-dot map-dot-${dot.status}${dot.id === selectedDotId ? ' map-dot-selected' : ''}`} strokeWidth={stroke}>
              <title>{dot.label}</title>
            </circle>
          );
        })}
        {marker ? <path className="map-marker" d={`M${mx} ${my}l${-stroke * 5} ${-stroke * 12}a${stroke * 5} ${stroke * 5} 0 1 1 ${stroke * 10} 0z`} strokeWidth={stroke} /> : null}
        <path className="map-crosshair" d={`M${view.x + view.w / 2 - stroke * 6} ${view.y + view.h / 2}h${stroke * 12}M${view.x + view.w / 2} ${view.y + view.h / 2 - stroke * 6}v${stroke * 12}`} strokeWidth={stroke} />
      </svg>
      <div className="ward-map-controls">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => zoom(0.67)} aria-label={t('map.zoomIn')}>+</button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => zoom(1.5)} aria-label={t('map.zoomOut')}>−</button>
      </div>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setBox(null)}>{t('map.reset')}</button>
      <p id="ward-map-help" className="field-hint">{onPick ? t('map.helpPick') : t('map.helpView')}</p>
      {tileUrl && data?.[1].tileAttribution ? <p className="ward-map-attribution">{data[1].tileAttribution}</p> : null}
    </div>
  );
}

/** The city box widened to the map's 4:3 frame so wards keep their shape. */
function fitAspect(b: Box): Box {
  const ratio = 3 / 4;
  if (b.h / b.w > ratio) {
    const w = b.h / ratio;
    return { x: b.x - (w - b.w) / 2, y: b.y, w, h: b.h };
  }
  const h = b.w * ratio;
  return { x: b.x, y: b.y - (h - b.h) / 2, w: b.w, h };
}
