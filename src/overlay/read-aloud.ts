/**
 * Read aloud in the reader: the glue between the toolbar's speech buttons, the keys, the highlight and
 * the notices, and the player of src/speech. The engine is made on the first press, never at open.
 */
import type { Settings } from '../shared/settings';
import type { Translate } from '../shared/i18n';
import {
  buildChunks,
  chunkIndexAt,
  createHighlighter,
  needsScroll,
  ReadAloudPlayer,
  scrollBehavior,
  waitForVoices,
  webSpeechEngine,
  type Chunk,
  type Highlighter,
  type HighlightTarget,
  type PlayerEvent,
  type PlayerNotice,
  type PlayerState,
  type SpeechEngine,
  type VoiceLike,
} from '../speech';
import { highlightThemeCss } from './palettes';
import type { SpeechButtons } from './toolbar';
import { keyAction, READ_ALOUD_KEYS } from './read-aloud-keys';
import { languageName, selectionNode, setLabel } from './read-aloud-dom';

export { READ_ALOUD_KEYS, readAloudKeysHelp } from './read-aloud-keys';

export interface ReadAloudOptions {
  doc: Document;
  t: Translate;
  uiLang?: string;
  buttons: SpeechButtons;
  /** The reader's <main>: the article body is looked up in it at each start. */
  main: HTMLElement;
  /** The scrolling box, and the sticky bar that covers its top. */
  scroller: HTMLElement;
  bar: HTMLElement;
  settings: Settings;
  notify: (kind: string, text: string) => void;
  clearNotice: (kind: string) => void;
  announce: (text: string) => void;
  /** Holds the polite announcements while speech is heard (true), releases them (false). */
  holdAnnouncements: (hold: boolean) => void;
  /** Adds a style sheet to the shadow root (the highlight's colours). */
  addStyle: (css: string) => void;
  /** The speech engine; by default the Web Speech API of the reader's own global (its window). */
  engine?: () => SpeechEngine | null;
  highlighter?: () => Highlighter;
  linux?: boolean;
}

export const READ_ALOUD_NOTICE = 'read-aloud';

export class ReadAloud {
  private readonly o: ReadAloudOptions;
  private settings: Settings;
  private engine: SpeechEngine | null | undefined;
  private highlighter: Highlighter | null = null;
  private player: ReadAloudPlayer | null = null;
  private playerKey: { body: Element; readCaptions: boolean } | null = null;
  private chunks: Chunk[] = [];
  private stateValue: PlayerState = 'idle';
  /** The article node last clicked or focused ("read from here"). */
  private lastNode: Node | null = null;
  private voicesOff: (() => void) | null = null;

  constructor(options: ReadAloudOptions) {
    this.o = options;
    this.settings = { ...options.settings };
    const remember = (e: Event) => {
      const target = e.target as Node | null;
      if (target && this.body()?.contains(target)) this.lastNode = target;
    };
    options.main.addEventListener('pointerdown', remember);
    options.main.addEventListener('click', remember);
    options.main.addEventListener('focusin', remember);
    this.render();
  }

  get state(): PlayerState {
    return this.stateValue;
  }

  /** The button: Read aloud (from the caret, the last click or the top) → Pause → Resume. */
  toggle(): void {
    if (this.stateValue === 'idle') return this.start();
    if (this.stateValue === 'loading') return this.stop();
    void this.player?.toggle();
  }

  stop(): void {
    this.player?.stop();
  }

  previous(): void {
    this.player?.previous();
  }

  next(): void {
    this.player?.next();
  }

  /** The reader's keys; true when the event was one of them (and was handled). */
  handleKey(e: KeyboardEvent): boolean {
    const action = keyAction(e);
    if (!action) return false;
    e.preventDefault();
    this[action]();
    return true;
  }

  /** Settings changed (here or elsewhere): a speaking player follows at once. */
  updateSettings(settings: Settings): void {
    const captionsChanged = settings.readCaptions !== this.settings.readCaptions;
    this.settings = { ...settings };
    this.player?.updateSettings(this.playerSettings());
    // Captions change what is read: the next start reads the article again with the new choice.
    if (captionsChanged && this.stateValue === 'idle') this.dropPlayer();
  }

  /** The voices for the settings form (the engine is made now: a button was pressed). */
  listVoices(show: (voices: readonly VoiceLike[], lang: string) => void): void {
    const engine = this.getEngine();
    const lang = this.lang();
    if (!engine) return show([], lang);
    this.voicesOff?.();
    this.voicesOff = engine.onVoicesChanged(() => show(engine.getVoices(), lang));
    void waitForVoices(engine).then((voices) => show(voices, lang));
  }

  /** New article content: whatever was being read belongs to the old one. */
  reset(): void {
    this.dropPlayer();
    this.lastNode = null;
  }

  /** The reader closed: silence, no highlight left in the page, held announcements dropped. */
  close(): void {
    this.dropPlayer();
    this.highlighter?.dispose();
    this.voicesOff?.();
    this.voicesOff = null;
    this.o.holdAnnouncements(false);
    this.o.clearNotice(READ_ALOUD_NOTICE);
  }

  // ---- internals -----------------------------------------------------------------------------

  private body(): HTMLElement | null {
    return this.o.main.querySelector<HTMLElement>('.article-body');
  }

  private lang(): string {
    return this.body()?.lang || this.o.uiLang || '';
  }

  private getEngine(): SpeechEngine | null {
    if (this.engine === undefined) {
      const make = this.o.engine ?? (() => webSpeechEngine(globalThis));
      try {
        this.engine = make();
      } catch {
        this.engine = null;
      }
    }
    return this.engine;
  }

  private playerSettings() {
    const s = this.settings;
    return { voice: s.voice, speechRate: s.speechRate, highlight: s.highlight };
  }

  private start(): void {
    const body = this.body();
    if (!body) return;
    this.o.clearNotice(READ_ALOUD_NOTICE);
    const engine = this.getEngine();
    if (!engine)
      return this.showNotice({
        kind: 'no-voice',
        reason: 'no-voices',
        lang: this.lang(),
        linux: this.linux(),
      });
    const player = this.playerFor(body, engine);
    const from = this.startNode(body);
    const index = from ? chunkIndexAt(this.chunks, from) : 0;
    void player.play(Math.max(0, index));
  }

  private playerFor(body: HTMLElement, engine: SpeechEngine): ReadAloudPlayer {
    const key = this.playerKey;
    if (this.player && key?.body === body && key.readCaptions === this.settings.readCaptions)
      return this.player;
    this.dropPlayer();
    this.chunks = buildChunks(body, {
      readCaptions: this.settings.readCaptions,
      lang: this.lang(),
      skip: (el) => el.hasAttribute('data-no-read'),
    });
    const player = new ReadAloudPlayer({
      engine,
      chunks: this.chunks,
      lang: this.lang(),
      settings: this.playerSettings(),
      linux: this.linux(),
    });
    player.on((e) => this.onEvent(e));
    this.player = player;
    this.playerKey = { body, readCaptions: this.settings.readCaptions };
    return player;
  }

  private dropPlayer(): void {
    this.player?.dispose();
    this.player = null;
    this.playerKey = null;
    this.highlighter?.clear();
    this.setState('idle');
  }

  /** Where "read from here" starts: the selection or caret in the article, else the last click or focus. */
  private startNode(body: HTMLElement): Node | null {
    const node = selectionNode(this.o.doc, this.o.main.getRootNode());
    if (node && body.contains(node)) return node;
    return this.lastNode && body.contains(this.lastNode) ? this.lastNode : null;
  }

  private onEvent(e: PlayerEvent): void {
    if (e.type === 'state') this.setState(e.state);
    else if (e.type === 'highlight') this.showHighlight(e.target);
    else if (e.type === 'chunk' && this.settings.highlight === 'off')
      this.keepInView(this.chunks[e.chunk]?.element);
    else if (e.type === 'notice') this.showNotice(e.notice);
    else if (e.type === 'ended') this.o.announce(this.o.t('readAloudEnded'));
  }

  private setState(state: PlayerState): void {
    const before = this.stateValue;
    this.stateValue = state;
    this.render();
    if (state === 'speaking') this.o.holdAnnouncements(true);
    else if (before === 'speaking') this.o.holdAnnouncements(false);
  }

  /** Button names and states: Read aloud → Pause → Resume; the others only while reading. */
  private render(): void {
    const { t } = this.o;
    const b = this.o.buttons;
    const state = this.stateValue;
    const [glyph, name] =
      state === 'speaking'
        ? ['❚❚', t('readAloudPause')]
        : state === 'paused'
          ? ['▶\ufe0e', t('readAloudResume')]
          : ['▶\ufe0e', t('readAloud')];
    setLabel(b.toggle, glyph, name, READ_ALOUD_KEYS.toggle);
    setLabel(b.stop, null, t('readAloudStop'), READ_ALOUD_KEYS.stop);
    setLabel(b.previous, null, t('previousSentence'), READ_ALOUD_KEYS.previous);
    setLabel(b.next, null, t('nextSentence'), READ_ALOUD_KEYS.next);
    // aria-disabled rather than disabled: the buttons stay in the toolbar's arrow-key order (found by
    // screen-reader users before they are needed), and focus on Stop is not lost when reading ends.
    const reading = state === 'speaking' || state === 'paused';
    b.stop.setAttribute('aria-disabled', String(state === 'idle'));
    b.previous.setAttribute('aria-disabled', String(!reading));
    b.next.setAttribute('aria-disabled', String(!reading));
  }

  private ensureHighlighter(): Highlighter {
    if (!this.highlighter) {
      const make = this.o.highlighter ?? (() => createHighlighter());
      this.highlighter = make();
      const css = highlightThemeCss(this.highlighter.name);
      if (css) this.o.addStyle(css);
    }
    return this.highlighter;
  }

  private showHighlight(target: HighlightTarget | null): void {
    const highlighter = this.ensureHighlighter();
    if (!target) return highlighter.clear();
    const range = this.chunks[target.chunk]?.map.range(target.start, target.end) ?? null;
    highlighter.show(range);
    if (range) this.keepInView(range);
  }

  /** Scrolls only when the text read leaves the middle band of the view, without motion if so asked. */
  private keepInView(target: Range | Element | undefined): void {
    if (!target) return;
    const { scroller, bar, doc } = this.o;
    const rect = target.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const win = doc.defaultView;
    const sticky = win?.getComputedStyle(bar).position === 'sticky';
    const top = sticky ? Math.max(box.top, bar.getBoundingClientRect().bottom) : box.top;
    const view = { top, bottom: box.bottom };
    if (view.bottom - view.top <= 0 || !needsScroll(rect, view)) return;
    if (typeof scroller.scrollBy !== 'function') return;
    const matchMedia = win?.matchMedia ? (q: string) => win.matchMedia(q) : null;
    scroller.scrollBy({
      top: rect.top - (view.top + (view.bottom - view.top) / 3),
      behavior: scrollBehavior(matchMedia),
    });
  }

  private showNotice(notice: PlayerNotice): void {
    const { t } = this.o;
    let text: string;
    if (notice.kind === 'no-voice') {
      text =
        notice.reason === 'no-voices'
          ? t('noVoice')
          : t('noVoiceForLanguage', languageName(notice.lang, this.o.uiLang));
      if (notice.linux) text += ` ${t('noVoiceLinuxHint')}`;
    } else if (notice.kind === 'voice-fallback')
      text = t('voiceFallback', [notice.wanted.name, notice.used.name]);
    else if (notice.kind === 'skipped') text = t('sentenceSkipped');
    else text = t('speechError');
    this.o.notify(READ_ALOUD_NOTICE, text);
  }

  private linux(): boolean {
    if (this.o.linux !== undefined) return this.o.linux;
    const ua = this.o.doc.defaultView?.navigator.userAgent ?? '';
    return /linux|x11/i.test(ua) && !/android|cros/i.test(ua);
  }
}
