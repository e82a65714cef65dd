import type { TimelineEntry } from '../../../ui/api-types.ts';
import { DeliveryBadge } from '../../../ui/components/badges.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n, useT } from '../../../ui/i18n/i18n.tsx';
import { formatElapsed, formatVnd } from '../../../ui/visit-format.ts';
import type { Translate } from '../../../ui/i18n/translate.ts';
import { CASE_STATUSES, type CaseStatus } from '../../../../contracts/enums.ts';

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const asStatus = (value: unknown): CaseStatus | null => ((CASE_STATUSES as readonly unknown[]).includes(value) ? (value as CaseStatus) : null);

/** Title line of an entry without a message body; `data` is free-form per kind, so read it defensively. */
function eventText(entry: TimelineEntry, t: Translate, staffNames: ReadonlyMap<string, string>): string {
  const { data } = entry;
  switch (entry.kind) {
    case 'case.opened':
      return t('timeline.opened');
    case 'case.routed':
      return t('timeline.routed', { from: str(data.from) ?? '—', to: str(data.to) ?? '—' });
    case 'case.merged':
      return str(data.into) ? t('timeline.mergedInto', { code: str(data.into) ?? '' }) : t('timeline.mergedFrom', { code: str(data.merged) ?? '' });
    case 'case.rated':
      return t('timeline.rated', { score: String(data.score ?? '—') });
    case 'case.reopened':
      return t('timeline.reopened', { reason: str(data.reason) ?? '' });
    case 'case.triaged':
      return t('timeline.triaged', { type: str(data.type) ? t(`type.${str(data.type) as 'khac'}`) : '—' });
    case 'status.changed': {
      const from = asStatus(data.from);
      const to = asStatus(data.to) ?? asStatus(data.status);
      if (from && to) return t('timeline.statusChanged', { from: t(`status.${from}`), to: t(`status.${to}`) });
      return t('timeline.statusChangedTo', { to: to ? t(`status.${to}`) : t('common.none') });
    }
    case 'case.assigned': {
      // data is { from, to } with staff ids; names come from the unit's staff list.
      const to = str(data.to);
      return to ? t('timeline.assigned', { name: staffNames.get(to) ?? t('common.none') }) : t('timeline.unassigned');
    }
    case 'note.added':
      return t('timeline.note');
    case 'transfer.requested':
      return t('timeline.transferRequested', { from: str(data.fromName) ?? str(data.from) ?? '—', to: str(data.toName) ?? str(data.to) ?? '—' });
    case 'transfer.accepted':
      return t('timeline.transferAccepted', { from: str(data.fromName) ?? str(data.from) ?? '—', to: str(data.toName) ?? str(data.to) ?? '—' });
    case 'transfer.returned':
      return t('timeline.transferReturned', { from: str(data.fromName) ?? str(data.from) ?? '—', to: str(data.toName) ?? str(data.to) ?? '—' });
    case 'coordination.added':
      return t('timeline.coordinationAdded', { unit: str(data.unitName) ?? str(data.unit) ?? '—' });
    case 'coordination.removed':
      return t('timeline.coordinationRemoved', { unit: str(data.unitName) ?? str(data.unit) ?? '—' });
    case 'photo.published':
      return t('timeline.photoPublished');
    case 'photo.unpublished':
      return t('timeline.photoUnpublished');
    case 'visit.offered':
      return t('timeline.visitOffered', { procedure: str(data.procedure) ?? '—', n: Array.isArray(data.slots) ? data.slots.length : 0 });
    case 'visit.confirmed':
      return t('timeline.visitConfirmed', { n: String((data.slot as { number?: number } | undefined)?.number ?? '—') });
    case 'visit.dispatched':
      return t('timeline.visitDispatched', { name: str((data.officer as { name?: string } | undefined)?.name) ?? '—' });
    case 'visit.departed':
      return t('timeline.visitDeparted');
    case 'visit.collected':
      return t('timeline.visitCollected');
    case 'visit.completed':
      return t('timeline.visitCompleted', { fee: typeof data.feeVnd === 'number' ? formatVnd(data.feeVnd) : '—', elapsed: formatElapsed(typeof data.elapsedMs === 'number' ? data.elapsedMs : null, t) });
    case 'visit.cancelled':
      return t('timeline.visitCancelled', { reason: str(data.reason) ?? '' });
    case 'visit.no_show':
      return t('timeline.visitNoShow', { reason: str(data.reason) ?? '' });
    case 'message.received':
      // Phone and counter intake: an officer typed what the citizen said.
      return entry.actorType === 'staff' ? t('timeline.recorded') : t('timeline.received');
    case 'message.sent':
      return data.automatic === 'procedure_answer' ? t('timeline.autoAnswer') : t('timeline.sent');
    case 'message.retracted': {
      const how = str(data.how);
      return how === 'hidden' ? t('timeline.retractedHidden') : how === 'unhidden' ? t('timeline.retractedUnhidden') : t('timeline.retractedDeleted');
    }
  }
}

function entryClass(entry: TimelineEntry): string {
  if (entry.kind === 'note.added' || (entry.visibility === 'internal' && !entry.message)) return 'tl tl-note';
  if (entry.message?.direction === 'in') return 'tl tl-in';
  if (entry.message?.direction === 'out') return 'tl tl-out';
  return 'tl tl-event';
}

function actorLabel(entry: TimelineEntry, t: Translate): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorType === 'citizen') return t('timeline.citizen');
  if (entry.actorType === 'system') return t('timeline.system');
  return t('common.none');
}

/** The whole case history, oldest first: messages both ways with delivery state, events, internal notes. */
export function Timeline({ entries, staffNames }: { entries: TimelineEntry[]; staffNames: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => {
        const message = entry.message;
        const noteBody = entry.kind === 'note.added' ? (str(entry.data.body) ?? str(entry.data.text)) : null;
        const reason = str(entry.data.reason);
        return (
          <li key={entry.id} className={entryClass(entry)} data-kind={entry.kind}>
            <div className="tl-meta">
              <span className="tl-title">{eventText(entry, t, staffNames)}</span>
              {message && message.kind !== 'citizen' && message.kind !== 'reply' && <span>· {t(`replyKind.${message.kind}`)}</span>}
              <span>· {actorLabel(entry, t)}</span>
              <time dateTime={entry.createdAt}>· {formatDateTime(entry.createdAt, locale)}</time>
              {entry.visibility === 'internal' && <strong>· {t('timeline.internal')}</strong>}
              {message?.delivery && (
                <>
                  <DeliveryBadge status={message.delivery.status} />
                  {message.delivery.attempts > 1 && <span>{t('timeline.attempts', { n: message.delivery.attempts })}</span>}
                  {message.delivery.lastErrorCode && <code>{t('timeline.errorCode', { code: message.delivery.lastErrorCode })}</code>}
                </>
              )}
            </div>
            {message && <p className="tl-body">{message.body}</p>}
            {noteBody && <NoteBody body={noteBody} mentions={mentionsOf(entry.data)} />}
            {reason && <p className="tl-body muted">{t('timeline.reason', { reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** The people a note mentions (stored with the note as `{ id, name }`); anything else is ignored. */
function mentionsOf(data: Record<string, unknown>): { id: string; name: string }[] {
  const list = Array.isArray(data.mentions) ? (data.mentions as unknown[]) : [];
  return list.flatMap((m) => {
    const o = (m ?? {}) as Record<string, unknown>;
    return typeof o.id === 'string' && typeof o.name === 'string' ? [{ id: o.id, name: o.name }] : [];
  });
}

/** A note's text with each "@Name" of a mentioned colleague marked, and who was mentioned underneath. */
function NoteBody({ body, mentions }: { body: string; mentions: { id: string; name: string }[] }) {
  const t = useT();
  if (mentions.length === 0) return <p className="tl-body">{body}</p>;
  const names = [...new Set(mentions.map((m) => `@${m.name}`))].sort((a, b) => b.length - a.length);
  const parts = body.split(new RegExp(`(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`, 'u'));
  return (
    <>
      <p className="tl-body">{parts.map((part, i) => (names.includes(part) ? <mark key={i} className="mention">{part}</mark> : part))}</p>
      <p className="tl-body muted">{t('timeline.mentioned', { names: mentions.map((m) => m.name).join(', ') })}</p>
    </>
  );
}
