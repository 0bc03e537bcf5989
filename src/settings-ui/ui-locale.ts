import { dirOfLang, type Translate } from '../shared/i18n';

/**
 * The language and direction of the UI strings actually shown. Each locale says its own (`uiLang`,
 * `uiDir` in messages.json): the browser may pick a locale's messages (e.g. from $LANGUAGE) while its
 * UI language and `@@bidi_dir` still say en-US and ltr, as Chromium without an Urdu language pack does.
 */
export function uiLocale(t: Translate, fallbackLang: string): { lang: string; dir: 'ltr' | 'rtl' } {
  const lang = t('uiLang');
  const dir = t('uiDir');
  const resolvedLang = lang && lang !== 'uiLang' ? lang : fallbackLang;
  return { lang: resolvedLang, dir: dir === 'rtl' || dir === 'ltr' ? dir : dirOfLang(resolvedLang) };
}
