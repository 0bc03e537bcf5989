/** What the always-on detector saw on a page (plain data: it crosses the message boundary). */
export interface DetectionSignals {
  /** Article-like JSON-LD @type found (NewsArticle, Article, BlogPosting, …), or null. */
  jsonLdType: string | null;
  ogArticle: boolean;
  /** `article:published_time` or `<time pubdate>` found; null: not read (other metadata said article). */
  publishedTime: boolean | null;
  /** Characters of paragraph text counted (bounded). */
  paragraphChars: number;
  /** Paragraphs long enough to count. */
  paragraphs: number;
  /** Share (0–1) of paragraph text inside the single article/main container, when there is one. */
  containerShare: number;
  /** Share (0–1) of paragraph text inside the skip link's target, when there is one. */
  skipTargetShare: number;
  /** Links that are headlines (`a h3`, `h3 a`…): teasers to other pages. */
  headlineLinks: number;
  /** Paragraphs right after a headline link (teaser summaries). */
  teasers: number;
  /** Page looks like a listing (front page, section, search): many short teasers. */
  listing: boolean;
  /**
   * Article metadata and paragraph text settled it before the whole page was read (reading stops
   * once the text is readerable; one real paragraph is enough beside the metadata): the counts cover
   * what was read, and the container, skip-target, headline and teaser figures were not needed (0).
   */
  decidedEarly: boolean;
}

export interface Detection {
  isArticle: boolean;
  /** 0–1. */
  confidence: number;
  signals: DetectionSignals;
}
