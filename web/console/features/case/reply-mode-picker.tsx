import type { CaseDetail } from '../../../ui/api-types.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { useI18n } from '../../../ui/i18n/i18n.tsx';

type Options = CaseDetail['reply'];
type Mode = Options['modes'][number]['mode'];

/**
 * How the reply will reach the citizen, and whether it can now: the channel's window (and its cost on Zalo),
 * Messenger's person-only period, public or one-time private replies to a comment. When nothing is possible
 * it says so plainly and offers what remains (calling the citizen).
 */
export function ReplyModePicker({ options, mode, onChange, citizenPhone }: { options: Options; mode: Mode | null; onChange: (m: Mode) => void; citizenPhone: string | null }) {
  const { t, locale } = useI18n();
  if (options.preferred === null) {
    return (
      <div className="notice notice-warn" role="status" data-testid="reply-closed">
        <strong>{t('reply.closed')}</strong>
        <ul>
          {options.modes.map((m) => (
            <li key={m.mode}>
              {t(`reply.mode.${m.mode}`)}: {m.reason ? t(`reply.reason.${m.reason}`) : ''}
            </li>
          ))}
          {citizenPhone ? <li>{t('reply.callInstead', { phone: citizenPhone })}</li> : <li>{t('reply.noOtherWay')}</li>}
        </ul>
      </div>
    );
  }
  const selected = options.modes.find((m) => m.mode === mode);
  const showChoice = options.modes.length > 1;
  return (
    <div className="reply-mode" data-testid="reply-modes">
      {showChoice && (
        <fieldset className="row">
          <legend className="muted">{t('reply.modeLegend')}</legend>
          {options.modes.map((m) => (
            <label key={m.mode} className={m.available ? '' : 'muted'} title={m.reason ? t(`reply.reason.${m.reason}`) : undefined}>
              <input type="radio" name="reply-mode" value={m.mode} checked={mode === m.mode} disabled={!m.available} onChange={() => onChange(m.mode)} />{' '}
              {t(`reply.mode.${m.mode}`)}
            </label>
          ))}
        </fieldset>
      )}
      {selected && (
        <p className="muted" role="status" data-testid="reply-window">
          {selected.humanOnly ? `${t('reply.humanOnly')} ` : ''}
          {selected.cost === 'billable' ? `${t('reply.billable')} ` : ''}
          {selected.closesAt ? t('reply.closesAt', { time: formatDateTime(selected.closesAt, locale) }) : t('reply.noLimit')}
        </p>
      )}
    </div>
  );
}
