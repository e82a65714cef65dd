import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Session } from '../../../ui/api-types.ts';
import { api } from '../../../ui/api.ts';
import { Button } from '../../../ui/components/button.tsx';
import { ErrorMessage } from '../../../ui/components/error-message.tsx';
import { TextField } from '../../../ui/components/field.tsx';
import { LangSwitch } from '../../../ui/components/lang-switch.tsx';
import { useT } from '../../../ui/i18n/i18n.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => emailRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<Session>('/api/staff/auth/login', { email: email.trim(), password }));
    } catch (loginError) {
      setError(loginError);
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card" onSubmit={(event) => void submit(event)}>
        <div className="row">
          <h1 style={{ margin: 0 }}>{t('login.title')}</h1>
          <span className="spacer" />
          <LangSwitch />
        </div>
        <p className="muted">
          {t('app.name')} · {t('app.city')}
        </p>
        <TextField ref={emailRef} label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('login.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <div style={{ marginTop: '1rem' }} className="stack">
          <ErrorMessage error={error} />
          <Button type="submit" className="btn-block" busy={isBusy}>
            {isBusy ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
    </main>
  );
}
