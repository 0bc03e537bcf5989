import { ForeignNodeGuard } from '../../../src/overlay/foreign-nodes';

function setUp() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  const notices = document.createElement('div');
  root.append(notices);
  const guard = new ForeignNodeGuard(root);
  guard.adopt(notices); // the reader's own, as the overlay adopts everything it builds
  guard.start();
  return { root, notices, guard };
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

afterEach(() => document.body.replaceChildren());

test('an element the page inserts into the reader is removed', async () => {
  const { root, notices, guard } = setUp();
  const fake = document.createElement('form');
  fake.innerHTML = '<a href="https://evil.example/">Sign in</a><input type="password">';
  notices.append(fake);
  await flush();
  expect(root.querySelector('form, input, a')).toBeNull();
  expect(guard.removed).toBe(1);
  guard.stop();
});

test("the reader's own elements, adopted after insertion, stay", async () => {
  const { notices, guard } = setUp();
  const row = document.createElement('div');
  row.innerHTML = '<p>Kept on this device only</p><button>Show the updated article</button>';
  notices.append(row);
  guard.adopt(row);
  await flush();
  expect(notices.querySelector('button')?.textContent).toBe('Show the updated article');
  expect(guard.removed).toBe(0);
  guard.stop();
});

test('an element nested by the page inside an adopted one is removed too', async () => {
  const { notices, guard } = setUp();
  const row = document.createElement('div');
  notices.append(row);
  guard.adopt(row);
  await flush();
  row.append(document.createElement('input'));
  row.append('plain text stays');
  await flush();
  expect(row.querySelector('input')).toBeNull();
  expect(row.textContent).toBe('plain text stays');
  guard.stop();
});

test('what is inserted before stop is still swept by stop', () => {
  const { notices, guard } = setUp();
  notices.append(document.createElement('iframe'));
  guard.stop();
  expect(notices.children).toHaveLength(0);
});

test('what was inserted while the guard was stopped goes when it starts again; adopted nodes stay', async () => {
  const { root, notices, guard } = setUp();
  guard.stop();
  // A page that kept the root (Firefox hands it out through getSelection) inserts while closed.
  const fake = document.createElement('form');
  fake.innerHTML = '<input type="password">';
  notices.append(fake);
  guard.start();
  expect(root.querySelector('form, input')).toBeNull();
  expect(notices.isConnected).toBe(true);
  expect(guard.removed).toBe(1);
  // And it still watches.
  notices.append(document.createElement('a'));
  await flush();
  expect(root.querySelector('a')).toBeNull();
  guard.stop();
});
