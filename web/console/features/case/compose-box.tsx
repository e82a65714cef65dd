import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import type { CaseDetail } from '../../../ui/api-types.ts';
import { ReplyModePicker } from './reply-mode-picker.tsx';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { TEXT_MAX } from '../../../ui/limits.ts';
import { MentionPicker, mentionsIn, type Mention } from './mention-picker.tsx';
import { MissingValues, TemplatePicker } from './template-picker.tsx';

type ComposeBoxProps = {
  endpoint: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  doneText: string;
  variant: 'reply' | 'note';
  textareaRef: Ref<HTMLTextAreaElement>;
  onDone: () => void;
  /** For replies: the ways to answer now (windows, public/private replies to comments). */
  replyOptions?: CaseDetail['reply'];
  citizenPhone?: string | null;
  /** For replies: the case whose reply templates can be inserted ("/" in an empty box, or the button). */
  templatesForCaseId?: string;
  /** For notes: the case whose readers can be mentioned ("@" at the start of a word, or the button). */
  mentionsForCaseId?: string;
};

/** A textarea that posts {body}; Ctrl/Cmd+Enter sends. Used for citizen replies and internal notes (with mentions). */
export function ComposeBox({ endpoint, label, placeholder, submitLabel, doneText, variant, textareaRef, onDone, replyOptions, citizenPhone, templatesForCaseId, mentionsForCaseId }: ComposeBoxProps) {
  const t = useT();
  const [body, setBody] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isDone, setDone] = useState(false);
  const [mode, setMode] = useState(replyOptions?.preferred ?? null);
  useEffect(() => setMode(replyOptions?.preferred ?? null), [replyOptions?.preferred]);
  const isClosed = replyOptions !== undefined && replyOptions.preferred === null;
  const [isPicking, setPicking] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  // Mentions: where the "@" was typed (the picker replaces it with the name), and the colleagues picked so far.
  const [mentionRange, setMentionRange] = useState<[number, number] | null>(null);
  const [mentioned, setMentioned] = useState<Mention[]>([]);
  const areaRef = useRef<HTMLTextAreaElement | null>(null);
  const setAreaRef = (node: HTMLTextAreaElement | null) => {
    areaRef.current = node;
    if (typeof textareaRef === 'function') textareaRef(node);
    else if (textareaRef) (textareaRef as { current: HTMLTextAreaElement | null }).current = node;
  };

  const selection = (): [number, number] => [areaRef.current?.selectionStart ?? body.length, areaRef.current?.selectionEnd ?? body.length];
  // Inserted text goes where the cursor was, and the cursor after it.
  const insertAt = (text: string, [start, end]: [number, number]) => {
    const area = areaRef.current;
    setBody(body.slice(0, start) + text + body.slice(end));
    setDone(false);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  const insertTemplate = (text: string, missingNames: string[]) => {
    insertAt(text, selection());
    setMissing(missingNames);
    setPicking(false);
  };
  const openMentions = () => setMentionRange(selection());
  const closeMentions = (person: Mention | null) => {
    if (!mentionRange) return;
    // Without a pick the "@" the officer typed stays as typed.
    insertAt(person ? `@${person.name} ` : '@', mentionRange);
    if (person) setMentioned((current) => [...current, person]);
    setMentionRange(null);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || isBusy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const text = body.trim();
      await api.post(endpoint, mode ? { body: text, mode } : mentionsForCaseId ? { body: text, mentions: mentionsIn(text, mentioned).map((m) => m.id) } : { body: text });
      setBody('');
      setMissing([]);
      setMentioned([]);
      setDone(true);
      onDone();
    } catch (postError) {
      setError(postError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={variant === 'note' ? 'panel compose compose-note' : 'panel compose'} onSubmit={(event) => void submit(event)} data-testid={`${variant}-form`}>
      {replyOptions && <ReplyModePicker options={replyOptions} mode={mode} onChange={setMode} citizenPhone={citizenPhone ?? null} />}
      {templatesForCaseId && isPicking && (
        <TemplatePicker
          caseId={templatesForCaseId}
          onPick={(tpl) => insertTemplate(tpl.text, tpl.missing)}
          onClose={() => {
            setPicking(false);
            areaRef.current?.focus();
          }}
        />
      )}
      {mentionsForCaseId && mentionRange && <MentionPicker caseId={mentionsForCaseId} onPick={closeMentions} onClose={() => closeMentions(null)} />}
      <TextArea
        disabled={isClosed}
        ref={setAreaRef}
        label={label}
        hint={templatesForCaseId ? t('compose.sendHintTemplates') : mentionsForCaseId ? t('compose.sendHintMentions') : t('compose.sendHint')}
        placeholder={placeholder}
        rows={3}
        maxLength={TEXT_MAX}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setDone(false);
        }}
        onKeyDown={(event) => {
          if (templatesForCaseId && event.key === '/' && body === '') {
            event.preventDefault();
            setPicking(true);
            return;
          }
          const at = event.currentTarget.selectionStart;
          if (mentionsForCaseId && event.key === '@' && (at === 0 || /\s/u.test(body[at - 1] ?? ''))) {
            event.preventDefault();
            openMentions();
            return;
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <MissingValues names={missing} />
      <div className="row" style={{ marginTop: '0.5rem' }}>
        <Button type="submit" variant={variant === 'note' ? 'secondary' : 'primary'} busy={isBusy} disabled={!body.trim() || isClosed}>
          {submitLabel}
        </Button>
        {templatesForCaseId && !isClosed && (
          <Button variant="secondary" onClick={() => setPicking(true)} aria-keyshortcuts="/" data-testid="insert-template">
            {t('replyTemplates.insert')} <kbd>/</kbd>
          </Button>
        )}
        {mentionsForCaseId && (
          <Button variant="secondary" onClick={openMentions} aria-keyshortcuts="@" data-testid="insert-mention">
            {t('mentions.insert')} <kbd>@</kbd>
          </Button>
        )}
        <span role="status" className="muted">
          {isDone ? doneText : ''}
        </span>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
