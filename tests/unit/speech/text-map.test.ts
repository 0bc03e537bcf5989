import { buildTextMap } from '../../../src/speech/text-map';
import { splitSentences, wordAt } from '../../../src/speech/segment';

function block(html: string): HTMLElement {
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  // Test markup only (the lint rule on HTML strings is off under tests/).
  el.innerHTML = html;
  return el.firstElementChild as HTMLElement;
}

describe('buildTextMap', () => {
  test('collapses whitespace as HTML renders it, across links and inline formatting', () => {
    const p = block('<p>\n  The <em>quick</em>   <a href="#x">brown\n fox</a><strong>es</strong> run.  </p>');
    const map = buildTextMap(p);
    expect(map.text).toBe('The quick brown foxes run.');
    const at = (word: string) => {
      const i = map.text.indexOf(word);
      return map.range(i, i + word.length)!.toString();
    };
    expect(at('quick')).toBe('quick');
    expect(at('brown fox')).toBe('brown\n fox');
    // A word split across a link and a <strong>.
    expect(at('foxes')).toBe('foxes');
    expect(at('run.')).toBe('run.');
  });

  test('a range lands in the right text nodes', () => {
    const p = block('<p>Go <a href="#">here</a> now</p>');
    const map = buildTextMap(p);
    const r = map.range(3, 7)!;
    expect(r.startContainer.parentElement!.tagName).toBe('A');
    expect(r.startOffset).toBe(0);
    expect(r.endOffset).toBe(4);
  });

  test('line breaks and skipped nested blocks separate words; skipped text is not read', () => {
    const li = block('<li>One<br>two<span class="x">hidden</span><ul><li>nested</li></ul>three</li>');
    const map = buildTextMap(li, { skip: (e) => e.classList.contains('x') || e.tagName === 'UL' });
    expect(map.text).toBe('One two three');
    expect(map.range(4, 7)!.toString()).toBe('two');
  });

  test('a range over only implied spaces is null', () => {
    const p = block('<p>a<br>b</p>');
    const map = buildTextMap(p);
    expect(map.text).toBe('a b');
    expect(map.range(1, 2)).toBeNull();
    expect(map.range(0, 3)!.toString()).toBe('a'.concat('b'));
  });

  test('right-to-left text (Urdu) with a link maps in logical order', () => {
    const p = block('<p dir="rtl" lang="ur">یہ <a href="#">پہلا</a> جملہ ہے۔ یہ <em>دوسرا</em> ہے؟</p>');
    const map = buildTextMap(p);
    expect(map.text).toBe('یہ پہلا جملہ ہے۔ یہ دوسرا ہے؟');
    const sentences = splitSentences(map.text, 'ur').map((s) => map.text.slice(s.start, s.end));
    expect(sentences).toEqual(['یہ پہلا جملہ ہے۔', 'یہ دوسرا ہے؟']);
    const i = map.text.indexOf('پہلا');
    const word = wordAt(map.text, i, 'ur')!;
    const r = map.range(word.start, word.end)!;
    expect(r.toString()).toBe('پہلا');
    expect(r.startContainer.parentElement!.tagName).toBe('A');
    const second = wordAt(map.text, map.text.indexOf('دوسرا') - 1, 'ur')!;
    expect(map.range(second.start, second.end)!.toString()).toBe('دوسرا');
  });

  test('preformatted text keeps its spaces', () => {
    const pre = block('<pre>a  b\nc</pre>');
    expect(buildTextMap(pre).text).toBe('a  b\nc');
  });
});

describe('segmentation', () => {
  test('sentences are trimmed spans; a short abbreviation does not end one', () => {
    const text = '  Mr. Smith went home. Did he?  Yes!';
    const got = splitSentences(text, 'en').map((s) => text.slice(s.start, s.end));
    expect(got).toEqual(['Mr. Smith went home.', 'Did he?', 'Yes!']);
  });

  test('without Intl.Segmenter, a punctuation split (Latin and Urdu marks)', () => {
    const intl = Intl as { Segmenter?: typeof Intl.Segmenter };
    const original = intl.Segmenter;
    delete intl.Segmenter;
    try {
      const text = 'One. Two? یہ ہے۔ Three';
      expect(splitSentences(text, 'en').map((s) => text.slice(s.start, s.end))).toEqual([
        'One.',
        'Two?',
        'یہ ہے۔',
        'Three',
      ]);
      expect(wordAt(text, 4, 'en')).toEqual({ start: 5, end: 9 });
    } finally {
      intl.Segmenter = original;
    }
  });

  test('wordAt finds the word at or after an index (engines point at the space or a quote)', () => {
    const text = 'He said “hello” twice';
    expect(wordAt(text, 0, 'en')).toEqual({ start: 0, end: 2 });
    expect(wordAt(text, 2, 'en')).toEqual({ start: 3, end: 7 });
    expect(text.slice(...Object.values(wordAt(text, 8, 'en')!))).toBe('hello');
    expect(wordAt(text, text.length, 'en')).toBeNull();
  });
});
