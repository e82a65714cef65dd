import { useMemo, useState } from 'react';
import type { PublicProblem, PublicProblemList } from '../../../../contracts/api.ts';
import { api, queryString } from '../../../ui/api.ts';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Link } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { LazyWardMap } from '../map/lazy-ward-map.tsx';

const STATUS_GROUPS = { all: undefined, open: 'new,assigned,in_progress,waiting_citizen', done: 'resolved,closed' } as const;
type Group = keyof typeof STATUS_GROUPS;

/** `/ban-do` (map with dots coloured by status) and `/phan-anh` (list): reports without personal data. */
export default function ProblemsPage({ view }: { view: 'map' | 'list' }) {
  const { t } = useI18n();
  const [group, setGroup] = useState<Group>('all');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const problems = useAsync(() => api.get<PublicProblemList>(`/api/public/problems${queryString({ status: STATUS_GROUPS[group], limit: 500 })}`), [group]);
  const items = useMemo(() => problems.data?.items ?? [], [problems.data]);
  const dots = useMemo(
    () => items.flatMap((p) => (p.location ? [{ id: p.id, ...p.location, status: p.status, label: `${t(`status.${p.status}`)} — ${p.unitName}` }] : [])),
    [items, t],
  );
  const selected = items.find((p) => p.id === selectedId);

  return (
    <section className="card stack">
      <h1>{view === 'map' ? t('transparency.mapTitle') : t('transparency.listTitle')}</h1>
      <p className="muted">{t('transparency.intro')}</p>
      <div className="row">
        <Link href={view === 'map' ? '/phan-anh' : '/ban-do'}>{view === 'map' ? t('transparency.showList') : t('transparency.showMap')}</Link>
        <span className="spacer" />
        <label className="row">
          <span>{t('transparency.filter')}</span>
          <select className="input input-inline" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
            <option value="all">{t('common.all')}</option>
            <option value="open">{t('transparency.open')}</option>
            <option value="done">{t('transparency.done')}</option>
          </select>
        </label>
      </div>
      <ErrorMessage error={problems.error} />
      {view === 'map' ? (
        <>
          <LazyWardMap label={t('transparency.mapLabel')} dots={dots} selectedDotId={selectedId} onDotSelect={setSelectedId} />
          <ul className="map-legend" aria-label={t('transparency.legend')}>
            {(['new', 'in_progress', 'resolved'] as const).map((s) => (
              <li key={s}><span className={`map-dot-swatch map-dot-${s}`} aria-hidden="true" /> {t(`status.${s}`)}</li>
            ))}
          </ul>
          {selected ? <ProblemCard problem={selected} /> : <p className="field-hint">{t('transparency.tapDot')}</p>}
        </>
      ) : problems.isLoading && !problems.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('transparency.empty')}</p>
      ) : (
        <ul className="problem-list">
          {items.map((p) => (
            <li key={p.id}><ProblemCard problem={p} /></li>
          ))}
        </ul>
      )}
      <p className="field-hint">{t('transparency.privacy')}</p>
    </section>
  );
}

function ProblemCard({ problem }: { problem: PublicProblem }) {
  const { t, locale } = useI18n();
  const category = problem.categoryName ? problem.categoryName[locale] : t('transparency.uncategorised');
  return (
    <article className="problem-card">
      <div className="row">
        <span className={`badge badge-status-${problem.status}`}>{t(`status.${problem.status}`)}</span>
        <strong>{category}</strong>
      </div>
      <p className="problem-meta">
        {locale === 'en' && problem.unitNameEn ? problem.unitNameEn : problem.unitName} · {formatDate(problem.createdAt, locale)}
      </p>
      <p className="problem-text">{problem.text}</p>
      {problem.photoIds.map((id) => (
        <img key={id} className="problem-photo" src={`/api/public/photos/${id}`} alt={t('transparency.photoAlt')} loading="lazy" />
      ))}
    </article>
  );
}
