import { useState } from 'react';
import type { RoutingRuleInput, RoutingRuleList, RoutingRuleView } from '../../../../contracts/api.ts';
import type { Unit } from '../../../ui/api-types.ts';
import { ApiError, api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { useI18n } from '../../../ui/i18n/i18n.tsx';
import { useAsync } from '../../../ui/use-async.ts';
import { HistoryList } from '../settings-history/history-list.tsx';
import { RuleForm } from './rule-form.tsx';
import { conditionWords, unitLabel } from './rule-words.ts';
import { TestBox } from './test-box.tsx';

type Editing = { rule: RoutingRuleView | null; position: number | null } | null;

const inputOf = (r: RoutingRuleView): Omit<RoutingRuleInput, 'version'> => ({
  priority: r.priority,
  match: r.match as RoutingRuleInput['match'],
  target: r.target,
  fallbackUnitCode: r.fallbackUnitCode,
  description: r.description,
  enabled: r.enabled,
});

/** "Quy tắc điều phối": the rules in order, a box to try a message, and (city administrators) editing, ordering, switching. */
export function RoutingPage() {
  const { t, locale } = useI18n();
  const [version, setVersion] = useState(0);
  const list = useAsync(() => api.get<RoutingRuleList>('/api/staff/routing-rules'), [version]);
  const units = useAsync(() => api.get<Unit[]>('/api/public/units'), []);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const data = list.data;
  const reload = () => setVersion((v) => v + 1);

  const change = async (action: () => Promise<unknown>, onDone?: () => void) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      onDone?.();
      reload();
    } catch (e) {
      setError(e);
      // Someone else changed the rules: show theirs, keep the message.
      if (e instanceof ApiError && e.code === 'SETTINGS_CHANGED') reload();
    } finally {
      setBusy(false);
    }
  };

  const save = (input: Omit<RoutingRuleInput, 'version'>) => {
    if (!data || !editing) return;
    const body = { ...input, version: data.version };
    void change(
      () =>
        editing.rule ? api.put(`/api/staff/routing-rules/${editing.rule.id}`, body) : api.post('/api/staff/routing-rules', body),
      () => setEditing(null),
    );
  };
  const move = (index: number, delta: -1 | 1) => {
    if (!data) return;
    const ids = data.rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    void change(() => api.put('/api/staff/routing-rules/order', { version: data.version, ids }));
  };
  const toggle = (r: RoutingRuleView) => {
    if (!data) return;
    void change(() => api.put(`/api/staff/routing-rules/${r.id}`, { ...inputOf(r), enabled: !r.enabled, version: data.version }));
  };

  return (
    <>
      <h1>{t('routing.title')}</h1>
      <p className="muted">{t('routing.intro')}</p>
      <ErrorMessage error={list.error} />
      {data && <TestBox rules={data.rules} units={units.data} />}
      {data && (
        <section className="panel" aria-labelledby="rules-title">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 id="rules-title">{t('routing.rules.title')}</h2>
            {data.canEdit && !editing && (
              <Button size="small" onClick={() => setEditing({ rule: null, position: null })}>
                {t('routing.add')}
              </Button>
            )}
          </div>
          {!data.canEdit && <p className="muted">{t('routing.readOnly')}</p>}
          <ErrorMessage error={editing ? null : error} />
          <span role="status" className="muted">
            {saved ? t('routing.saved') : ''}
          </span>
          <div className="table-scroll">
            <table className="table table-static rules-table" data-testid="routing-rules">
              <thead>
                <tr>
                  <th scope="col">{t('routing.col.order')}</th>
                  <th scope="col">{t('routing.col.when')}</th>
                  <th scope="col">{t('routing.col.target')}</th>
                  <th scope="col">{t('routing.col.description')}</th>
                  {data.canEdit && <th scope="col">{t('routing.col.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {data.rules.map((r, i) => (
                  <tr key={r.id} className={r.enabled ? undefined : 'rule-off'} data-rule-id={r.id}>
                    <td>
                      <strong>{i + 1}</strong>
                      <br />
                      <span className={r.enabled ? 'badge badge-health-healthy' : 'badge badge-status-closed'}>
                        {t(r.enabled ? 'routing.enabled' : 'routing.disabled')}
                      </span>
                    </td>
                    <td>
                      {conditionWords(t, r.match).map((w) => (
                        <div key={w}>{w}</div>
                      ))}
                      {r.warnings.map((w) => (
                        <p key={w} className="text-warn">
                          ⚠ {t(`routing.warning.${w}`)}
                        </p>
                      ))}
                    </td>
                    <td>
                      {r.target.kind === 'unit' ? unitLabel(units.data, r.target.unitCode, locale) : t('routing.target.place')}
                      {r.target.kind === 'place' && (
                        <div className="muted">
                          {r.fallbackUnitCode
                            ? t('routing.target.fallback', { unit: unitLabel(units.data, r.fallbackUnitCode, locale) })
                            : t('routing.target.noFallback')}
                        </div>
                      )}
                    </td>
                    <td>{locale === 'vi' ? r.description.vi : r.description.en}</td>
                    {data.canEdit && (
                      <td>
                        <div className="rule-actions">
                          <Button
                            size="small"
                            variant="ghost"
                            disabled={busy || i === 0}
                            onClick={() => move(i, -1)}
                            aria-label={t('routing.moveUp', { n: i + 1 })}
                          >
                            ↑
                          </Button>
                          <Button
                            size="small"
                            variant="ghost"
                            disabled={busy || i === data.rules.length - 1}
                            onClick={() => move(i, 1)}
                            aria-label={t('routing.moveDown', { n: i + 1 })}
                          >
                            ↓
                          </Button>
                          <Button
                            size="small"
                            variant="secondary"
                            disabled={busy}
                            onClick={() => setEditing({ rule: r, position: i + 1 })}
                          >
                            {t('routing.edit')}
                          </Button>
                          <Button size="small" variant="ghost" disabled={busy} onClick={() => toggle(r)}>
                            {t(r.enabled ? 'routing.disable' : 'routing.enable')}
                          </Button>
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {data && editing && units.data && (
        <RuleForm
          key={editing.rule?.id ?? 'new'}
          rule={editing.rule}
          position={editing.position}
          units={units.data}
          busy={busy}
          error={error}
          onSubmit={save}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
        />
      )}
      <HistoryList area="routing" version={version} />
    </>
  );
}
