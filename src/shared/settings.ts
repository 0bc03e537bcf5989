/**
 * The reader's settings: one module, typed defaults, validation per key with fallback to the default,
 * a schema version with migrations, and the storage area injected (tests pass a fake).
 *
 * Nothing here throws at the reader: whatever is stored (wrong types, unknown keys, a non-object,
 * an older schema) comes back as a complete, valid `Settings`.
 */

export const TEXT_SIZES = ['XS', 'SM', 'MD', 'LG', 'XL', 'XXL', 'XXXL'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/**
 * Multipliers of MD. MD itself is the browser's default font size × 1.25 (20 px where the default is
 * 16 px). XXL is 200 % of MD (WCAG 1.4.4 resize text) and XXXL 400 %.
 */
export const TEXT_SIZE_SCALE: Readonly<Record<TextSize, number>> = {
  XS: 0.75,
  SM: 0.875,
  MD: 1,
  LG: 1.25,
  XL: 1.5,
  XXL: 2,
  XXXL: 4,
};
/** MD relative to the browser's default font size. */
export const MD_FACTOR = 1.25;

export const FONTS = ['serif', 'sans', 'atkinson', 'opendyslexic'] as const;
export type FontChoice = (typeof FONTS)[number];

export const THEMES = ['auto', 'light', 'sepia', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  textSize: TextSize;
  font: FontChoice;
  /** Unitless line height. */
  lineHeight: number;
  /** In em. */
  letterSpacing: number;
  /** In em. */
  wordSpacing: number;
  /** Space after a paragraph, in multiples of the font size. */
  paragraphSpacing: number;
  /** Line length, in characters (ch). */
  width: number;
  theme: Theme;
  images: boolean;
  autoOpen: boolean;
  /** Read aloud: the chosen voice by name and language, or null for the best voice of the article's language. */
  voice: VoiceChoice | null;
  /** Read aloud: the utterance rate (1 = the voice's normal speed). */
  speechRate: number;
  /** Read aloud: whether figure captions are read (once, where they stand). */
  readCaptions: boolean;
  highlight: HighlightMode;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  textSize: 'MD',
  font: 'serif',
  lineHeight: 1.6,
  letterSpacing: 0,
  wordSpacing: 0,
  paragraphSpacing: 1.2,
  width: 66,
  theme: 'auto',
  images: true,
  autoOpen: false,
  voice: null,
  speechRate: 1,
  readCaptions: false,
  highlight: 'word',
});

/** WCAG 2.2 SC 1.4.12 text spacing, applied in one step. */
export const WCAG_SPACING: Readonly<
  Pick<Settings, 'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing'>
> = Object.freeze({ lineHeight: 1.5, letterSpacing: 0.12, wordSpacing: 0.16, paragraphSpacing: 2 });

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}
export const RANGES: Readonly<
  Record<
    'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing' | 'width' | 'speechRate',
    NumberRange
  >
> = {
  lineHeight: { min: 1, max: 3, step: 0.1 },
  letterSpacing: { min: 0, max: 0.5, step: 0.01 },
  wordSpacing: { min: 0, max: 1, step: 0.02 },
  paragraphSpacing: { min: 0, max: 4, step: 0.1 },
  width: { min: 30, max: 120, step: 2 },
  speechRate: { min: 0.5, max: 3, step: 0.25 },
};

// ---- Read aloud ---------------------------------------------------------------------------------

export const HIGHLIGHT_MODES = ['word', 'sentence', 'off'] as const;
export type HighlightMode = (typeof HIGHLIGHT_MODES)[number];

/** A voice as stored: names differ between machines, so the language travels with it for the fallback. */
export interface VoiceChoice {
  name: string;
  lang: string;
}

function voiceChoice(value: unknown): VoiceChoice | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { name, lang } = value;
  if (typeof name !== 'string' || typeof lang !== 'string') return undefined;
  // Voice names are short labels and languages BCP 47 tags (some engines spell them ur_PK or leave them empty).
  if (name.trim() === '' || name.length > 200 || !/^[A-Za-z0-9_-]{0,35}$/.test(lang)) return undefined;
  return { name, lang };
}

type Validator<K extends keyof Settings> = (value: unknown) => Settings[K] | undefined;

function oneOf<T extends string>(options: readonly T[]): (value: unknown) => T | undefined {
  return (value) =>
    typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : undefined;
}
function inRange(range: NumberRange): (value: unknown) => number | undefined {
  return (value) => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    // Out-of-range numbers are clamped: the reader asked for "more" or "less", keep the intent.
    return Math.min(range.max, Math.max(range.min, n));
  };
}
function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

const VALIDATORS: { [K in keyof Settings]: Validator<K> } = {
  textSize: oneOf(TEXT_SIZES),
  font: oneOf(FONTS),
  lineHeight: inRange(RANGES.lineHeight),
  letterSpacing: inRange(RANGES.letterSpacing),
  wordSpacing: inRange(RANGES.wordSpacing),
  paragraphSpacing: inRange(RANGES.paragraphSpacing),
  width: inRange(RANGES.width),
  theme: oneOf(THEMES),
  images: bool,
  autoOpen: bool,
  voice: voiceChoice,
  speechRate: inRange(RANGES.speechRate),
  readCaptions: bool,
  highlight: oneOf(HIGHLIGHT_MODES),
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates one key; `undefined` when the value is not acceptable. */
export function validateValue<K extends keyof Settings>(key: K, value: unknown): Settings[K] | undefined {
  return (VALIDATORS[key] as Validator<K>)(value);
}

/** Any input → a complete, valid Settings (each bad or missing key falls back to `base`). */
export function normalizeSettings(input: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base };
  if (!isRecord(input)) return out;
  for (const key of SETTING_KEYS) {
    const v = validateValue(key, input[key]);
    if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
  }
  return out;
}

/** Any input → only the valid keys of a partial (for per-site overrides). */
export function sanitizePartial(input: unknown): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (!isRecord(input)) return out;
  for (const key of SETTING_KEYS) {
    const v = validateValue(key, input[key]);
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

// ---- Schema versions and migrations -------------------------------------------------------------

export const SCHEMA_VERSION = 2;

/**
 * Each migration takes the stored record of version N-1 and returns version N. Version 1 (the
 * foundation's first cut) stored `fontSize` as a percentage and `dark: boolean`.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  2: (old) => {
    const next: Record<string, unknown> = { ...old };
    if (typeof old.fontSize === 'number' && next.textSize === undefined) {
      const pct = old.fontSize;
      // Nearest step to the old percentage of MD.
      let best: TextSize = 'MD';
      for (const s of TEXT_SIZES) {
        if (Math.abs(TEXT_SIZE_SCALE[s] * 100 - pct) < Math.abs(TEXT_SIZE_SCALE[best] * 100 - pct)) best = s;
      }
      next.textSize = best;
    }
    if (typeof old.dark === 'boolean' && next.theme === undefined) next.theme = old.dark ? 'dark' : 'light';
    delete next.fontSize;
    delete next.dark;
    return next;
  },
};

export interface StoredSettings extends Settings {
  schemaVersion: number;
}

/** Brings any stored record up to SCHEMA_VERSION, then validates every key. */
export function migrate(stored: unknown): Settings {
  if (!isRecord(stored)) return { ...DEFAULT_SETTINGS };
  let record: Record<string, unknown> = { ...stored };
  const from =
    typeof record.schemaVersion === 'number' && Number.isInteger(record.schemaVersion)
      ? record.schemaVersion
      : 1;
  // A record from a future version: keep what we understand, drop the rest.
  for (let v = Math.max(from, 1) + 1; v <= SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) record = step(record);
  }
  return normalizeSettings(record);
}

export function toStored(settings: Settings): StoredSettings {
  return { ...normalizeSettings(settings), schemaVersion: SCHEMA_VERSION };
}

// ---- Storage ------------------------------------------------------------------------------------

/** Pixel size of the body text for a step, given the browser's default font size. */
export function textSizePx(size: TextSize, browserDefaultPx = 16): number {
  return browserDefaultPx * MD_FACTOR * TEXT_SIZE_SCALE[size];
}

export function stepTextSize(size: TextSize, delta: -1 | 1): TextSize {
  const i = TEXT_SIZES.indexOf(size);
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, i + delta))] ?? 'MD';
}
