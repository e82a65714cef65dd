import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import type { CaseDetail } from '../../../ui/api-types.ts';
import { ReplyModePicker } from './reply-mode-picker.tsx';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextArea } from '../../../ui/components/field.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';
import { TEXT_MAX } from '../../../ui/limits.ts';
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
};

/** A textarea that posts {body}; Ctrl/Cmd+Enter sends. Used for citizen replies and internal notes. */
export function ComposeBox({ endpoint, label, placeholder, submitLabel, doneText, variant, textareaRef, onDone, replyOptions, citizenPhone, templatesForCaseId }: ComposeBoxProps) {
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
  const areaRef = useRef<HTMLTextAreaElement | null>(null);
  const setAreaRef = (node: HTMLTextAreaElement | null) => {
    areaRef.current = node;
    if (typeof textareaRef === 'function') textareaRef(node);
    else if (textareaRef) (textareaRef as { current: HTMLTextAreaElement | null }).current = node;
  };

  // The template text goes where the cursor was (the box is usually empty), and the cursor after it.
  const insertTemplate = (text: string, missingNames: string[]) => {
    const area = areaRef.current;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + text + body.slice(end));
    setMissing(missingNames);
    setPicking(false);
    setDone(false);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || isBusy) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.post(endpoint, mode ? { body: body.trim(), mode } : { body: body.trim() });
      setBody('');
      setMissing([]);
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
      <TextArea
        disabled={isClosed}
        ref={setAreaRef}
        label={label}
        hint={templatesForCaseId ? t('compose.sendHintTemplates') : t('compose.sendHint')}
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
        <span role="status" className="muted">
          {isDone ? doneText : ''}
        </span>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
