import { buildChunks, chunkIndexAt } from '../../../src/speech/chunks';

function article(html: string): HTMLElement {
  const el = document.createElement('article');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

const PAGE = `
  <div class="c-byline">By Jane Doe</div>
  <h2>A heading</h2>
  <p>First <a href="#">paragraph</a>.</p>
  <figure>
    <img src="x.jpg" alt="Alt text never read">
    <figcaption>A caption. <span class="photo-credit">Photo: AP</span></figcaption>
  </figure>
  <blockquote><p>Quoted words.</p></blockquote>
  <ul><li>Item one<ul><li>Nested item</li></ul></li><li>Item two</li></ul>
  <table><tr><th>Year</th><th>Count</th></tr><tr><td>2024</td><td>7</td></tr></table>
  <p data-no-read>Reader control</p>
  <p aria-hidden="true">Decoration</p>
  <p hidden>Hidden</p>
  <p style="display: none">Not shown</p>
  <p>Last.</p>`;

test('blocks in reading order; alt text, byline, credits and hidden parts are not read; captions off', () => {
  const chunks = buildChunks(article(PAGE), { readCaptions: false, lang: 'en' });
  expect(chunks.map((c) => c.text)).toEqual([
    'A heading',
    'First paragraph.',
    'Quoted words.',
    'Item one',
    'Nested item',
    'Item two',
    'Year',
    'Count',
    '2024',
    '7',
    'Last.',
  ]);
  expect(chunks.map((c) => c.kind)).toEqual(['heading', ...Array(10).fill('text')]);
  expect(chunks.every((c) => c.lang === 'en')).toBe(true);
});

test('with Read captions on, the caption is read once, without its credit', () => {
  const chunks = buildChunks(article(PAGE), { readCaptions: true });
  const captions = chunks.filter((c) => c.kind === 'caption');
  expect(captions.map((c) => c.text)).toEqual(['A caption.']);
  expect(chunks.filter((c) => c.text.includes('caption'))).toHaveLength(1);
  expect(chunks.some((c) => /Alt text|Photo: AP|Jane/.test(c.text))).toBe(false);
});

test('the reader can leave out its own controls; lang attributes are followed', () => {
  const body = article('<p>Keep</p><div class="rd-tools"><p>Tool</p></div><p lang="ur">اردو</p>');
  const chunks = buildChunks(body, {
    readCaptions: false,
    lang: 'en',
    skip: (el) => el.classList.contains('rd-tools'),
  });
  expect(chunks.map((c) => [c.text, c.lang])).toEqual([
    ['Keep', 'en'],
    ['اردو', 'ur'],
  ]);
});

test('Read from here: the innermost block holding the node, else the next one', () => {
  const body = article(PAGE);
  const chunks = buildChunks(body, { readCaptions: false });
  const nested = body.querySelector('ul ul li')!;
  expect(chunks[chunkIndexAt(chunks, nested.firstChild!)]!.text).toBe('Nested item');
  const link = body.querySelector('p a')!;
  expect(chunks[chunkIndexAt(chunks, link)]!.text).toBe('First paragraph.');
  const figure = body.querySelector('figure')!;
  expect(chunks[chunkIndexAt(chunks, figure)]!.text).toBe('Quoted words.');
  expect(chunkIndexAt(chunks, body.querySelector('p[hidden]')!)).toBe(chunks.length - 1);
});
