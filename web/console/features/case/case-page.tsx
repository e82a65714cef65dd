import { useMemo, useRef } from 'react';
import type { CaseAction } from '../../../../contracts/enums.ts';
import type { CaseDetail, StaffList } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { ChannelBadge, StatusBadge, TypeBadge } from '../../../ui/components/badges.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { channelKey } from '../../../ui/labels.ts';
import { Link, navigate } from '../../../ui/router.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { paths } from '../../routes.ts';
import { lastInboxSearchString } from '../inbox/inbox-query.ts';
import { useLiveEvents } from '../live/live-events.tsx';
import { useShortcuts } from '../shortcuts/use-shortcuts.ts';
import { AssignControl, StatusActions } from './case-actions.tsx';
import { CasePhotos } from './case-photos.tsx';
import { ComposeBox } from './compose-box.tsx';
import { TriagePanel } from './triage-panel.tsx';
import { DuplicatesPanel } from './duplicates-panel.tsx';
import { Timeline } from './timeline.tsx';
import { TransferPanel } from './transfer-panel.tsx';
import { VisitPanel } from './visit-panel.tsx';

/** One case: header, facts and contact, timeline, reply and note boxes, assignment and status changes. */
export function CasePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const detail = useAsync(() => api.get<CaseDetail>(`/api/staff/cases/${encodeURIComponent(id)}`), [id]);
  const staff = useAsync(() => api.get<StaffList>('/api/staff/staff'), []);
  // Someone else replied, noted, reassigned …: refetch (the reply and note boxes keep what is being typed).
  useLiveEvents((e) => (e.type === 'case' && e.caseId === id) || e.type === 'resync', detail.reload);
  const staffNames = useMemo(() => new Map((staff.data ?? []).map((person) => [person.id, person.name])), [staff.data]);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useShortcuts({
    r: () => replyRef.current?.focus(),
    n: () => noteRef.current?.focus(),
    Escape: () => navigate(paths.inbox(lastInboxSearchString())),
  });

  if (!detail.data) {
    return detail.error ? <ErrorMessage error={detail.error} /> : <p role="status">{t('common.loading')}</p>;
  }
  const { case: c, timeline, allowedActions } = detail.data;
  // Only what this staff member may do here (computed by the server with the rule every endpoint enforces).
  const may = (action: CaseAction) => allowedActions.includes(action);
  const channel = channelKey(c.channel);
  const citizen = c.citizen;
  const hasContact = Boolean(citizen && (citizen.name || citizen.phone || citizen.email));

  return (
    <>
      <p style={{ margin: '0 0 0.5rem' }}>
        <Link href={paths.inbox(lastInboxSearchString())}>← {t('case.backToInbox')}</Link>
      </p>
      <div className="case-head">
        <h1>{c.trackingCode}</h1>
        <StatusBadge status={c.status} />
        <TypeBadge type={c.type} />
        <ChannelBadge channel={c.channel} />
        <span className="muted">{c.unit.name}</span>
      </div>
      <ErrorMessage error={detail.error} />
      {detail.data.relation !== 'lead' && (
        <p className="notice notice-warn" role="note" data-testid="relation-notice">
          {t(`case.relation.${detail.data.relation}`)}
        </p>
      )}
      <div className="case-layout">
        <div>
          <section className="panel" aria-labelledby="desc-title">
            <h2 id="desc-title">{t('case.description')}</h2>
            <p className="description">{c.description}</p>
            <CasePhotos detail={detail.data} onChanged={detail.reload} />
          </section>
          <DuplicatesPanel detail={detail.data} onChanged={detail.reload} />
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('timeline.title')}</h2>
            <Timeline entries={timeline} staffNames={staffNames} />
          </section>
          {may('case.reply') && (
            <ComposeBox
              variant="reply"
              endpoint={`/api/staff/cases/${c.id}/replies`}
              label={t('reply.label', { channel: channel ? t(channel) : c.channel })}
              placeholder={t('reply.placeholder')}
              submitLabel={t('reply.submit')}
              doneText={t('reply.sent')}
              textareaRef={replyRef}
              onDone={detail.reload}
              replyOptions={detail.data.reply}
              citizenPhone={citizen?.phone ?? null}
              templatesForCaseId={c.id}
            />
          )}
          {may('case.note') && (
            <ComposeBox
              variant="note"
              endpoint={`/api/staff/cases/${c.id}/notes`}
              label={t('note.label')}
              placeholder={t('note.placeholder')}
              submitLabel={t('note.submit')}
              doneText={t('note.saved')}
              textareaRef={noteRef}
              onDone={detail.reload}
              mentionsForCaseId={c.id}
            />
          )}
        </div>
        <aside>
          <section className="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">{t('case.citizen')}</h2>
            {hasContact && citizen ? (
              <dl className="facts-dense" data-testid="citizen-contact">
                {citizen.name && (
                  <>
                    <dt>{t('portal.contact.name')}</dt>
                    <dd>{citizen.name}</dd>
                  </>
                )}
                {citizen.phone && (
                  <>
                    <dt>{t('portal.contact.phone')}</dt>
                    <dd>
                      <a href={`tel:${citizen.phone}`}>{citizen.phone}</a>
                    </dd>
                  </>
                )}
                {citizen.email && (
                  <>
                    <dt>{t('portal.contact.email')}</dt>
                    <dd>
                      <a href={`mailto:${citizen.email}`}>{citizen.email}</a>
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p className="muted">{t('case.anonymous')}</p>
            )}
            <dl className="facts-dense" style={{ marginTop: '0.75rem' }}>
              <dt>{t('case.unit')}</dt>
              <dd>{c.unit.name}</dd>
              <dt>{t('case.channel')}</dt>
              <dd>{channel ? t(channel) : c.channel}</dd>
              <dt>{t('case.intake')}</dt>
              <dd>{t(`intake.${c.intakeMethod}`)}</dd>
              <dt>{t('case.createdAt')}</dt>
              <dd>{formatDateTime(c.createdAt, locale)}</dd>
              {c.location && (
                <>
                  <dt>{t('case.location')}</dt>
                  <dd>
                    <a href={`https://www.openstreetmap.org/?mlat=${c.location.lat}&mlon=${c.location.lng}#map=18/${c.location.lat}/${c.location.lng}`} target="_blank" rel="noreferrer">
                      {c.location.lat.toFixed(5)}, {c.location.lng.toFixed(5)} ({t('case.openMap')})
                    </a>
                  </dd>
                </>
              )}
            </dl>
          </section>
          {/* Sibling panels keyed by case need distinct keys, or React duplicates them when a panel above appears. */}
          {may('case.assign') && <AssignControl detail={detail.data} onChanged={detail.reload} staff={staff} />}
          <TriagePanel key={`triage-${c.id}`} detail={detail.data} onChanged={detail.reload} canCorrect={may('case.triage')} />
          {may('case.status') && <StatusActions detail={detail.data} onChanged={detail.reload} />}
          <VisitPanel key={`visit-${c.id}`} caseId={c.id} onChanged={detail.reload} />
          <TransferPanel key={`transfer-${c.id}`} caseId={c.id} onChanged={detail.reload} />
        </aside>
      </div>
    </>
  );
}
