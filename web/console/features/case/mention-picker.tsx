import type { MentionableStaff } from '../../../../contracts/api.ts';
import { api } from '../../../ui/api.ts';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { KeyboardPicker } from './keyboard-picker.tsx';

export type Mention = { id: string; name: string };

/** Colleagues who may read the case, to mention in a note: opened by "@" in the note box or its button. */
export function MentionPicker({ caseId, onPick, onClose }: { caseId: string; onPick: (person: Mention) => void; onClose: () => void }) {
  const t = useT();
  return (
    <KeyboardPicker<MentionableStaff[number]>
      load={() => api.get<MentionableStaff>(`/api/staff/cases/${encodeURIComponent(caseId)}/mentionable`)}
      searchText={(p) => [p.name, p.unitName]}
      render={(p) => (
        <>
          <strong>{p.name}</strong> <span className="muted">· {t(`role.${p.role}`)} · {p.unitName}</span>
        </>
      )}
      onPick={(p) => onPick({ id: p.id, name: p.name })}
      onClose={onClose}
      idPrefix={`mentions-${caseId}`}
      labels={{ search: t('mentions.search'), list: t('mentions.title'), none: t('mentions.none'), noMatch: t('mentions.noMatch') }}
      testId="mention-picker"
    />
  );
}

/** The mentions still written in the text ("@Name"), each once: a name deleted from the text is not notified. */
export function mentionsIn(body: string, picked: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return picked.filter((m) => body.includes(`@${m.name}`) && !seen.has(m.id) && seen.add(m.id));
}
