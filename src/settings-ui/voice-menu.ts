/**
 * The Voice menu of the settings form: Automatic first, then the voices of the language in view (the
 * article's in the reader, the interface's in the popup), then all others. A voice is stored by name
 * and language; a stored voice this device lacks stays listed, so the choice is not lost.
 */
import type { Translate } from '../shared/i18n';
import type { VoiceChoice } from '../shared/settings';
import { orderVoices, type VoiceLike } from '../speech';

export interface VoiceMenu {
  select: HTMLSelectElement;
  /** Shows the stored choice. */
  show(choice: VoiceChoice | null): void;
  /** New voice list (from the engine), ordered for `lang`. */
  setVoices(voices: readonly VoiceLike[], lang: string): void;
}

const AUTOMATIC = '';
const valueOf = (v: VoiceChoice): string => JSON.stringify([v.name, v.lang]);

/** The choice a menu value stands for (null: Automatic). */
export function choiceOf(value: string): VoiceChoice | null {
  if (value === AUTOMATIC) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string')
      return { name: parsed[0], lang: parsed[1] };
  } catch {
    // not one of ours
  }
  return null;
}

export function buildVoiceMenu(
  doc: Document,
  t: Translate,
  id: string,
  onChoose: (v: VoiceChoice | null) => void,
): VoiceMenu {
  const select = doc.createElement('select');
  select.id = id;
  select.name = 'voice';
  let voices: readonly VoiceLike[] = [];
  let lang = '';
  let choice: VoiceChoice | null = null;

  const option = (value: string, label: string): HTMLOptionElement => {
    const o = doc.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  };
  const voiceOption = (v: VoiceChoice) => option(valueOf(v), v.lang ? `${v.name} (${v.lang})` : v.name);
  const group = (label: string, list: readonly VoiceChoice[]): HTMLOptGroupElement | null => {
    if (!list.length) return null;
    const g = doc.createElement('optgroup');
    g.label = label;
    g.append(...list.map(voiceOption));
    return g;
  };

  function fill(): void {
    const { forLanguage, others } = orderVoices(voices, lang);
    const listed = [...forLanguage, ...others];
    const missing = choice && !listed.some((v) => v.name === choice!.name && v.lang === choice!.lang);
    const groups = [
      group(t('voicesArticleLanguage'), forLanguage),
      group(t('voicesOther'), missing && choice ? [...others, choice] : others),
    ].filter((g): g is HTMLOptGroupElement => g !== null);
    select.replaceChildren(option(AUTOMATIC, t('voiceAutomatic')), ...groups);
    select.value = choice ? valueOf(choice) : AUTOMATIC;
  }

  select.addEventListener('change', () => {
    choice = choiceOf(select.value);
    onChoose(choice);
  });
  fill();
  return {
    select,
    show(next) {
      if (next?.name === choice?.name && next?.lang === choice?.lang && select.options.length) return;
      choice = next ? { ...next } : null;
      fill();
    },
    setVoices(next, nextLang) {
      voices = next;
      lang = nextLang;
      fill();
    },
  };
}
