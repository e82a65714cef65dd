import { useI18n } from '../i18n/i18n.tsx';

/** One button that switches between Vietnamese and English; the choice is remembered. */
export function LangSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="btn btn-ghost btn-small lang-switch" lang={next} aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`} onClick={() => setLocale(next)}>
      {t('lang.switchTo')}
    </button>
  );
}
