import { TopLayerGuard } from '../../../src/overlay/top-layer';

function setUp() {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('open', '');
  const button = document.createElement('button');
  dialog.append(button);
  document.body.append(dialog);
  const layer: Element[] = [];
  let clock = 0;
  const raised: number[] = [];
  const covered: boolean[] = [];
  const guard = new TopLayerGuard({
    doc: document,
    dialog,
    raise: () => raised.push(clock),
    onCovered: (c) => covered.push(c),
    now: () => clock,
    topLayer: () => [...layer],
  });
  const open = (el: Element) => {
    layer.push(el);
    const e = new Event('toggle');
    Object.assign(e, { newState: 'open' });
    el.dispatchEvent(e);
  };
  return { dialog, button, layer, guard, raised, covered, open, tick: (ms: number) => (clock += ms) };
}

afterEach(() => document.body.replaceChildren());

test('a page popover opened after the reader raises the reader again', () => {
  const t = setUp();
  const before = document.createElement('div');
  t.layer.push(before); // already open when the reader opened: it is under the reader
  document.body.append(before);
  t.guard.start();
  expect(t.guard.coveringElements()).toEqual([]);
  const popover = document.createElement('div');
  document.body.append(popover);
  t.open(popover);
  expect(t.raised).toHaveLength(1);
  expect(t.guard.coveringElements()).toEqual([]);
  t.guard.stop();
});

test('a click that reaches the reader while the page covers it is refused', () => {
  const t = setUp();
  t.guard.start();
  const clicks: Event[] = [];
  t.button.addEventListener('click', (e) => clicks.push(e));
  t.layer.push(document.createElement('div')); // opened without a toggle event the guard heard
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  t.button.dispatchEvent(click);
  expect(clicks).toHaveLength(0);
  expect(click.defaultPrevented).toBe(true);
  expect(t.raised).toHaveLength(1);
  // Raised again, the reader takes clicks once more.
  t.button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  expect(clicks).toHaveLength(1);
  t.guard.stop();
});

test('a page that keeps covering the reader is named, and clicks stay refused', () => {
  const t = setUp();
  t.guard.start();
  const popover = document.createElement('div');
  document.body.append(popover);
  for (let i = 0; i < 5; i++) {
    t.open(popover);
    t.tick(100);
  }
  expect(t.raised).toHaveLength(3);
  expect(t.covered).toEqual([true]);
  const clicks: Event[] = [];
  t.button.addEventListener('click', (e) => clicks.push(e));
  t.button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  expect(clicks).toHaveLength(0);
  // The page closes its layer: the reader says it is clear again and takes clicks.
  t.layer.length = 0;
  popover.dispatchEvent(Object.assign(new Event('toggle'), { newState: 'closed' }));
  expect(t.covered).toEqual([true, false]);
  t.button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  expect(clicks).toHaveLength(1);
  t.guard.stop();
});

test('after stop the guard neither listens nor raises', () => {
  const t = setUp();
  t.guard.start();
  t.guard.stop();
  const popover = document.createElement('div');
  document.body.append(popover);
  t.open(popover);
  expect(t.raised).toHaveLength(0);
});
