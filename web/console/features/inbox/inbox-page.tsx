import { useEffect, useRef, useState } from 'react';
import { CASE_STATUSES, CASE_TYPES, ROUTING_CATEGORIES } from '../../../../contracts/enums.ts';
import type { Unit } from '../../../../contracts/api.ts';
import type { CaseList, CaseSummary } from '../../../ui/api-types.ts';
import { api, queryString } from '../../../ui/api.ts';
import { ChannelBadge, StatusBadge } from '../../../ui/components/badges.tsx';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextField } from '../../../ui/components/field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { useLiveEvents } from '../live/live-events.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { useUser } from '../auth/session.tsx';
import { BulkBar, mayActInBulk } from './bulk-bar.tsx';
import { CASE_SORTS, CASE_VIEWS, inboxSearch, parseInboxFilters, rememberInboxSearch, type InboxFilters } from './inbox-query.ts';

const PAGE_SIZE = 50;

/** The case list: views, filters, search, j/k/Enter navigation, and ticked cases (x) acted on together. */
export function InboxPage() {
  const { t, locale } = useI18n();
  const search = useLocation().split('?')[1] ?? '';
  const filters = parseInboxFilters(search);
  rememberInboxSearch(inboxSearch(filters));
  const [query, setQuery] = useState(filters.q ?? '');
  const [extra, setExtra] = useState<{ items: CaseSummary[]; nextCursor: string | null } | null>(null);
  const [selected, setSelected] = useState(0);
  const user = useUser();
  const canBulk = mayActInBulk(user.role);
  // Ticked cases (by id) and the last bulk result; a new list (other filters) starts with none ticked.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [bulkDone, setBulkDone] = useState<number | null>(null);
  // Units below the officer's own (a city or department administrator's subtree), for the unit filter.
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const subUnits = unitsBelow(units.data ?? [], user.unit.code);
  useEffect(() => {
    setTicked(new Set());
    setBulkDone(null);
  }, [search]);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  const list = useAsync(() => {
    setExtra(null);
    return api.get<CaseList>(`/api/staff/cases${queryString({ ...filters, limit: PAGE_SIZE })}`);
  }, [search]);
  // Any change to a case in my scope may add, remove or reorder rows: refetch the page shown.
  // The list shows no delivery states, so a message's delivery changing does not reload it.
  useLiveEvents((e) => (e.type === 'case' && e.kind !== 'delivery.updated') || e.type === 'resync', list.reload, 500);

  const setFilters = (next: Partial<InboxFilters>, replace = false) => {
    setSelected(0);
    navigate(paths.inbox(inboxSearch({ ...filters, ...next })), { replace });
  };

  // Search as you type, after a short pause; the query string keeps the last search for Back.
  useEffect(() => {
    const trimmed = query.trim() || undefined;
    if (trimmed === filters.q) return;
    const timer = setTimeout(() => setFilters({ q: trimmed }, true), 300);
    return () => clearTimeout(timer);
  });

  const items = [...(list.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.nextCursor : (list.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    const page = await api.get<CaseList>(`/api/staff/cases${queryString({ ...filters, limit: PAGE_SIZE, cursor: nextCursor })}`);
    setExtra((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  };

  const toggle = (id: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const tickedItems = items.filter((item) => ticked.has(item.id));
  const allTicked = items.length > 0 && tickedItems.length === items.length;

  const move = (delta: number) => setSelected((i) => Math.max(0, Math.min(items.length - 1, i + delta)));
  useEffect(() => {
    tableRef.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: () => move(1),
    ArrowUp: () => move(-1),
    Enter: () => {
      const item = items[selected];
      if (item) navigate(paths.case(item.id));
    },
    '/': () => searchRef.current?.focus(),
    x: () => {
      const item = items[selected];
      if (item && canBulk) toggle(item.id);
    },
  });

  return (
    <>
      <div className="row">
        <h1 style={{ margin: 0 }}>{t('inbox.title')}</h1>
        {list.data && (
          <span className="muted" role="status">
            {t('inbox.count', { n: items.length })}
          </span>
        )}
      </div>
      <div className="tabs" role="group" aria-label={t('inbox.views')}>
        {CASE_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={filters.view === view}
            // Deadline views read best nearest deadline first.
            onClick={() => setFilters(view === 'due_soon' || view === 'overdue' ? { view, sort: 'due' } : { view })}
          >
            {t(`inbox.view.${view}`)}
          </button>
        ))}
      </div>
      <div className="toolbar">
        <div className="search">
          <TextField
            ref={searchRef}
            label={
              <>
                {t('inbox.search')} <kbd>/</kbd>
              </>
            }
            type="search"
            placeholder={t('inbox.searchPlaceholder')}
            value={query}
            aria-keyshortcuts="/"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' || event.key === 'Enter') event.currentTarget.blur();
            }}
          />
        </div>
        <SelectField label={t('inbox.filter.status')} value={filters.status ?? ''} onChange={(e) => setFilters({ status: (e.target.value || undefined) as InboxFilters['status'] })}>
          <option value="">{t('common.all')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('inbox.filter.type')} value={filters.type ?? ''} onChange={(e) => setFilters({ type: (e.target.value || undefined) as InboxFilters['type'] })}>
          <option value="">{t('common.all')}</option>
          {CASE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('inbox.filter.category')} value={filters.category ?? ''} onChange={(e) => setFilters({ category: e.target.value || undefined })}>
          <option value="">{t('common.all')}</option>
          {ROUTING_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </SelectField>
        {subUnits.length > 0 && (
          <SelectField label={t('inbox.filter.unit')} value={filters.unitCode ?? ''} onChange={(e) => setFilters({ unitCode: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {subUnits.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.fullName}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('inbox.sort')} value={filters.sort ?? 'newest'} onChange={(e) => setFilters({ sort: e.target.value as InboxFilters['sort'] })}>
          {CASE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`inbox.sort.${sort}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {canBulk && tickedItems.length > 0 && (
        <BulkBar
          selected={tickedItems}
          onClear={() => setTicked(new Set())}
          onDone={(changed) => {
            setTicked(new Set());
            setBulkDone(changed);
            list.reload();
          }}
        />
      )}
      {bulkDone !== null && (
        <p className="notice" role="status" data-testid="bulk-done">
          {t('bulk.done', { n: bulkDone })}
        </p>
      )}
      <ErrorMessage error={list.error} />
      {list.isLoading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p className="panel muted">{t('inbox.empty')}</p>}
      {items.length > 0 && (
        <table className="table" aria-busy={list.isLoading}>
          <thead>
            <tr>
              {canBulk && (
                <th scope="col" className="tick-cell">
                  <input
                    type="checkbox"
                    aria-label={t('bulk.tickAll')}
                    checked={allTicked}
                    onChange={() => setTicked(allTicked ? new Set() : new Set(items.map((item) => item.id)))}
                  />
                </th>
              )}
              <th scope="col">{t('inbox.col.code')}</th>
              <th scope="col">{t('inbox.col.status')}</th>
              <th scope="col">{t('inbox.col.type')}</th>
              <th scope="col">{t('inbox.col.excerpt')}</th>
              <th scope="col">{t('inbox.col.citizen')}</th>
              <th scope="col">{t('inbox.col.assignee')}</th>
              <th scope="col">{t('inbox.col.channel')}</th>
              <th scope="col">{t('inbox.col.due')}</th>
              <th scope="col">{t('inbox.col.updated')}</th>
            </tr>
          </thead>
          <tbody ref={tableRef}>
            {items.map((item, index) => (
              <tr key={item.id} data-index={index} aria-selected={index === selected} onClick={() => navigate(paths.case(item.id))}>
                {canBulk && (
                  <td className="tick-cell" onClick={(event) => event.stopPropagation()}>
                    <input type="checkbox" aria-label={t('bulk.tick', { code: item.trackingCode })} checked={ticked.has(item.id)} onChange={() => toggle(item.id)} />
                  </td>
                )}
                <td className="code-cell">
                  <Link href={paths.case(item.id)} onFocus={() => setSelected(index)}>
                    {item.trackingCode}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={item.status} />
                </td>
                <td>{t(`type.${item.type}`)}</td>
                <td className="excerpt" title={item.excerpt}>
                  {item.isUrgent && <span className="badge badge-urgent">{t('case.urgent')}</span>}{' '}
                  {item.needsTriage && <span className="badge badge-triage">{t('case.needsTriage')}</span>}{' '}
                  {item.excerpt}
                </td>
                <td>{item.citizenName ?? t('common.none')}</td>
                <td>{item.assignee?.name ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
                <td>
                  <ChannelBadge channel={item.channel} />
                </td>
                <td>
                  {item.dueAt ? (
                    <time dateTime={item.dueAt} className={isOverdue(item) ? 'due-overdue' : undefined} title={isOverdue(item) ? t('inbox.view.overdue') : undefined}>
                      {formatDateTime(item.dueAt, locale)}
                    </time>
                  ) : (
                    <span className="muted">{t('common.none')}</span>
                  )}
                </td>
                <td>
                  <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt, locale)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <Button variant="secondary" onClick={() => void loadMore()}>
            {t('inbox.loadMore')}
          </Button>
        </p>
      )}
    </>
  );
}

const OPEN_STATUSES: readonly string[] = ['new', 'assigned', 'in_progress'];

/** An open case whose running clock is past its deadline (a case waiting for the citizen has its clock paused). */
function isOverdue(item: CaseSummary): boolean {
  return item.dueAt !== null && OPEN_STATUSES.includes(item.status) && Date.parse(item.dueAt) < Date.now();
}

/** The units below `code` (children, their children…), in the list's order. */
function unitsBelow(units: readonly Unit[], code: string): Unit[] {
  const below = new Set<string>([code]);
  // The list is small (the city's ~190 units): repeat until no unit joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) if (unit.parentCode && below.has(unit.parentCode) && !below.has(unit.code)) grew = Boolean(below.add(unit.code));
  }
  return units.filter((unit) => unit.code !== code && below.has(unit.code));
}
