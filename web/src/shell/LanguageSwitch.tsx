import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { autonyms, currentLanguage, languages } from '../i18n/languages';
import { useSession } from '../session/SessionContext';

export function LanguageSwitch() {
  // useTranslation re-renders this component whenever the language changes.
  const { t } = useTranslation();
  const { chooseLanguage } = useSession();
  const [failed, setFailed] = useState(false);
  const active = currentLanguage();

  async function choose(language: Language) {
    setFailed(false);
    try {
      await chooseLanguage(language);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="language-switch">
      <div role="group" aria-label={t('header.language')} className="language-switch__buttons">
        {languages.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="language-switch__button"
            aria-pressed={active === language}
            onClick={() => void choose(language)}
          >
            {autonyms[language]}
          </button>
        ))}
      </div>
      {failed ? (
        <p className="alert alert--error language-switch__error" role="alert">
          {t('errors.language_unavailable')}
        </p>
      ) : null}
    </div>
  );
}
