import { useState } from 'react';
import { CASE_STATUSES, type CaseStatus, type StaffRole } from '../../../../contracts/enums.ts';
import type { CaseSummary, StaffList } from '../../../ui/api-types.ts';
import { api, ApiError } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { useUser } from '../auth/session.tsx';

// The roles the server lets assign cases and change their status (server/src/domain/access/permissions.ts).
const MAY_ASSIGN: readonly StaffRole[] = ['city_admin', 'unit_admin', 'officer', 'triage_operator'];
const MAY_CHANGE_STATUS: readonly StaffRole[] = ['city_admin', 'unit_admin', 'officer'];

export function mayActInBulk(role: StaffRole): boolean {
  return MAY_ASSIGN.includes(role);
}

type Props = { selected: CaseSummary[]; onDone: (changed: number) => void; onClear: () => void };

/**
 * What can be done to the cases ticked in the inbox: take them, assign them to a colleague, move them to a status.
 * The server applies an action to all of them or to none; a refusal names the case that stopped it.
 */
export function BulkBar({ selected, onDone, onClear }: Props) {
  const t = useT();
  const user = useUser();
  const staff = useAsync(() => api.get<StaffList>('/api/staff/staff'), []);
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: { kind: 'assign'; assigneeId: string | null } | { kind: 'status'; status: CaseStatus }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ changed: number }>('/api/staff/cases/bulk', { caseIds: selected.map((c) => c.id), action });
      setAssignee('');
      setStatus('');
      onDone(result.changed);
    } catch (actionError) {
      setError(actionError);
    } finally {
      setBusy(false);
    }
  };

  // The case that stopped the action, by its tracking code.
  const refusedId = error instanceof ApiError ? (error.details as { caseId?: string } | undefined)?.caseId : undefined;
  const refused = refusedId ? selected.find((c) => c.id === refusedId)?.trackingCode : undefined;
  return (
    <section className="panel bulk-bar" aria-label={t('bulk.title')} data-testid="bulk-bar">
      <strong role="status">{t('bulk.selected', { n: selected.length })}</strong>
      <Button size="small" busy={isBusy} onClick={() => void run({ kind: 'assign', assigneeId: user.id })}>
        {t('bulk.takeThem')}
      </Button>
      <SelectField label={t('bulk.assignTo')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">—</option>
        {(staff.data ?? []).map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
        <option value="none">{t('bulk.unassign')}</option>
      </SelectField>
      <Button size="small" variant="secondary" disabled={!assignee || isBusy} onClick={() => void run({ kind: 'assign', assigneeId: assignee === 'none' ? null : assignee })}>
        {t('bulk.apply')}
      </Button>
      {MAY_CHANGE_STATUS.includes(user.role) && (
        <>
          <SelectField label={t('bulk.moveTo')} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | '')}>
            <option value="">—</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </SelectField>
          <Button size="small" variant="secondary" disabled={!status || isBusy} onClick={() => status && void run({ kind: 'status', status })}>
            {t('bulk.apply')}
          </Button>
        </>
      )}
      <Button size="small" variant="secondary" onClick={onClear}>
        {t('bulk.clear')}
      </Button>
      {refused && <p className="notice notice-warn">{t('bulk.refusedCase', { code: refused })}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
