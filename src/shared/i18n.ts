/**
 * UI strings come from _locales/<lang>/messages.json. The lookup is injected so that pure modules
 * (overlay, popup view) take a `Translate` and tests pass a plain one.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface I18nLike {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** A translator that never returns an empty string: a missing key shows the key, not nothing. */
export function makeTranslate(api: I18nLike): Translate {
  return (key, substitutions) => {
    try {
      return api.getMessage(key, substitutions) || key;
    } catch {
      return key;
    }
  };
}

/** Builds a Translate from a messages.json object (tests and Node tools). */
export function translateFromMessages(messages: Record<string, { message: string }>): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const RTL_LANGS = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'ha',
  'he',
  'iw',
  'khw',
  'ks',
  'ku',
  'ps',
  'sd',
  'ur',
  'yi',
]);

/** Writing direction of a BCP 47 language tag. */
export function dirOfLang(lang: string | null | undefined): 'ltr' | 'rtl' {
  if (!lang) return 'ltr';
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGS.has(primary) ? 'rtl' : 'ltr';
}
