import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDocumentLang, i18n, rememberLang, storedLang, type Lang } from '../i18n/index.ts';

/** The UI language (zh first, en second), persisted in localStorage, with name and date helpers. */
interface LangValue {
  lang: Lang;
  setLang(lang: Lang): void;
  /** An entity's name in the UI language: its English name when English is on and one exists. */
  nameOf(x: { name: string; nameEn?: string | null } | null | undefined): string;
  /** A timestamp as local date and time (yyyy-mm-dd hh:mm). */
  dateTime(iso: string | null | undefined): string;
}

const LangContext = createContext<LangValue | null>(null);

const pad = (n: number) => String(n).padStart(2, '0');

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((l: Lang) => {
    rememberLang(l);
    applyDocumentLang(l);
    void i18n.changeLanguage(l);
    setLangState(l);
  }, []);
  const value = useMemo<LangValue>(() => ({
    lang,
    setLang,
    nameOf: (x) => (x ? (lang === 'en' && x.nameEn ? x.nameEn : x.name) : ''),
    dateTime: (iso) => {
      if (!iso) return '';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
  }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangValue {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}

/** `t` and the language helpers in one call: what almost every component needs. */
export function useI18n() {
  const { t } = useTranslation();
  return { t, ...useLang() };
}
