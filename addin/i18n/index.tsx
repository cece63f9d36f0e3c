import { createContext, useContext, type ReactNode } from "react";
import type { Lang } from "../../shared/schema/issue";
import { en } from "./en";
import { id, type Strings } from "./id";

export type { Strings };

const byLang: Record<Lang, Strings> = { id, en };

/** Indonesian unless Office's display language is English ("en-US", "en-GB", …). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "id";
}

/** The UI language from the running Office host; Indonesian outside Office. */
export function detectLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return langFromDisplayLanguage(office?.context?.displayLanguage);
}

export function stringsFor(lang: Lang): Strings {
  return byLang[lang];
}

const LangContext = createContext<Lang>("id");

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useStrings(): Strings {
  return byLang[useContext(LangContext)];
}
