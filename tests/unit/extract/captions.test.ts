import { collapseCaptions, isCreditOnly, normaliseCaption, sameCaption } from '../../../src/extract/captions';

function root(markup: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${markup}</div>`, 'text/html');
  return doc.getElementById('root') as Element;
}

describe('caption normalisation', () => {
  test.each([
    ['Smoke over the river. (Reuters)', 'smoke over the river'],
    ['The mayor speaks.  Photo: AP', 'the mayor speaks'],
    ['A ship leaves port. AP Photo/Jane Doe', 'a ship leaves port'],
    ['Crowds gather — © Agency Name', 'crowds gather'],
    [
      'Lavrov and Qureshi, April 7, 2021. (Ministry of Foreign Affairs/Handout via Reuters)',
      'lavrov and qureshi april 7 2021',
    ],
    ['  WHITESPACE,   case; punctuation!  ', 'whitespace case punctuation'],
  ])('%s', (input, expected) => {
    expect(normaliseCaption(input)).toBe(expected);
  });

  test('same caption up to credit, case and punctuation; different captions differ', () => {
    expect(
      sameCaption('The mayor speaks to reporters', 'The mayor speaks to reporters on Tuesday. Photo: AP'),
    ).toBe(true);
    expect(sameCaption('FILE - A shipment arrives.', 'file – a shipment arrives (Reuters)')).toBe(true);
    expect(sameCaption('Smoke over the river', 'Smoke rose over the river for hours')).toBe(false);
    expect(sameCaption('', 'anything')).toBe(false);
  });

  test('credit-only captions', () => {
    expect(isCreditOnly('Photo: iFixit')).toBe(true);
    expect(isCreditOnly('Courtesy Google')).toBe(true);
    expect(isCreditOnly('(AP)')).toBe(true);
    expect(isCreditOnly('The lounge car at night. (AP)')).toBe(false);
  });
});

describe('collapseCaptions', () => {
  test('alt equal to its figcaption is silenced; the caption stays', () => {
    const r = root(
      '<figure><img src="a.jpg" alt="A ship leaves port"><figcaption>A ship leaves port. (Reuters)</figcaption></figure>',
    );
    expect(collapseCaptions(r)).toBe(1);
    expect(r.querySelector('img')?.getAttribute('alt')).toBe('');
    expect(r.querySelector('figcaption')?.textContent).toBe('A ship leaves port. (Reuters)');
  });

  test('a distinct alt text is kept', () => {
    const r = root(
      '<figure><img src="a.jpg" alt="Aerial view"><figcaption>The estate covers forty hectares.</figcaption></figure>',
    );
    expect(collapseCaptions(r)).toBe(0);
    expect(r.querySelector('img')?.getAttribute('alt')).toBe('Aerial view');
  });

  test('a caption repeated in the next element is kept once', () => {
    const r = root(
      '<figure><img src="a.jpg" alt="x"><figcaption>Smoke rose over the river for hours.</figcaption></figure><p>Smoke rose over the river for hours.</p><p>Body text follows here.</p>',
    );
    collapseCaptions(r);
    expect(r.textContent?.split('Smoke rose').length).toBe(2);
    expect(r.textContent).toContain('Body text follows here.');
  });

  test('an image followed by a caption paragraph equal to its alt (no figure)', () => {
    const r = root(
      '<p><img src="a.jpg" alt="Veteran wraps baby in flag"></p><p>Veteran wraps baby in flag</p>',
    );
    collapseCaptions(r);
    expect(r.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  test('a caption whose image is gone: dropped when the text says it, kept when it adds something', () => {
    const r = root(
      '<p>Residents were allowed back in on Wednesday morning.</p><figure><figcaption>Residents were allowed back in on Wednesday morning.</figcaption></figure><figure><figcaption>An earlier fire at the site burned for two days.</figcaption></figure>',
    );
    collapseCaptions(r);
    expect(r.querySelectorAll('figure').length).toBe(1);
    expect(r.textContent).toContain('An earlier fire');
  });

  test('empty figcaptions (a lightbox template) go', () => {
    const r = root('<figure><img src="a.jpg" alt=""><figcaption>  </figcaption></figure>');
    collapseCaptions(r);
    expect(r.querySelector('figcaption')).toBeNull();
  });
});
