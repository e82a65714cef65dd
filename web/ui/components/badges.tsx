import type { CaseStatus, CaseType, DeliveryStatus } from '../../../contracts/enums.ts';
import { useT } from '../i18n/i18n.tsx';
import { channelKey } from '../labels.ts';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`badge badge-status-${status}`}>{t(`status.${status}`)}</span>;
}

export function TypeBadge({ type }: { type: CaseType }) {
  const t = useT();
  return <span className="badge badge-type">{t(`type.${type}`)}</span>;
}

export function ChannelBadge({ channel }: { channel: string }) {
  const t = useT();
  const key = channelKey(channel);
  return <span className="badge badge-channel">{key ? t(key) : channel}</span>;
}

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const t = useT();
  return <span className={`badge badge-delivery-${status}`}>{t(`delivery.${status}`)}</span>;
}
