import { useState } from 'react';
import type { CaseStatus } from '../../../../contracts/enums.ts';
import type { CaseDetail, StaffList } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { SelectField, TextField } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import type { AsyncState } from '../../../ui/use-async.ts';
import { useUser } from '../auth/session.tsx';

type ActionProps = { detail: CaseDetail; onChanged: () => void };
type AssignProps = ActionProps & { staff: AsyncState<StaffList> };

/** Assign to me or to a colleague of the unit. */
export function AssignControl({ detail, onChanged, staff }: AssignProps) {
  const t = useT();
  const user = useUser();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const caseId = detail.case.id;
  const assigneeId = detail.case.assignee?.id ?? null;

  const assign = async (id: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/staff/cases/${caseId}/assign`, { assigneeId: id });
      onChanged();
    } catch (assignError) {
      setError(assignError);
    } finally {
      setBusy(false);
    }
  };

  const people = staff.data ?? [];
  const hasCurrent = !assigneeId || people.some((person) => person.id === assigneeId);
  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('case.assignee')}</h2>
      <div className="stack">
        {assigneeId !== user.id && (
          <Button size="small" onClick={() => void assign(user.id)} busy={isBusy}>
            {t('case.assignToMe')}
          </Button>
        )}
        <SelectField label={t('case.assignTo')} value={assigneeId ?? ''} disabled={isBusy || staff.isLoading} onChange={(event) => void assign(event.target.value || null)}>
          <option value="">{t('case.noAssignee')}</option>
          {!hasCurrent && detail.case.assignee && <option value={detail.case.assignee.id}>{detail.case.assignee.name}</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} · {t(`role.${person.role}`)}
            </option>
          ))}
        </SelectField>
        <ErrorMessage error={error ?? staff.error} />
      </div>
    </section>
  );
}

/** One button per status the server allows next, with an optional reason. */
export function StatusActions({ detail, onChanged }: ActionProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busyStatus, setBusyStatus] = useState<CaseStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  const change = async (status: CaseStatus) => {
    setBusyStatus(status);
    setError(null);
    try {
      await api.post(`/api/staff/cases/${detail.case.id}/status`, { status, reason: reason.trim() || undefined });
      setReason('');
      onChanged();
    } catch (changeError) {
      setError(changeError);
    } finally {
      setBusyStatus(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('statusChange.title')}</h2>
      {detail.allowedTransitions.length === 0 ? (
        <p className="muted">{t('statusChange.none')}</p>
      ) : (
        <div className="stack">
          <TextField label={t('statusChange.reason')} value={reason} maxLength={1000} onChange={(event) => setReason(event.target.value)} />
          <div className="status-buttons">
            {detail.allowedTransitions.map((status) => (
              <Button
                key={status}
                size="small"
                variant={status === 'rejected' ? 'danger' : 'secondary'}
                busy={busyStatus === status}
                disabled={busyStatus !== null}
                onClick={() => void change(status)}
              >
                {t('statusChange.to', { status: t(`status.${status}`) })}
              </Button>
            ))}
          </div>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
