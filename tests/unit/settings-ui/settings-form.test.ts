/** The shared settings form: complete in the popup; without its stored-only settings in the reader's panel. */
import { buildSettingsForm } from '../../../src/settings-ui/settings-form';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { translate } from '../overlay/helpers';

function form(viewOnly: boolean) {
  const changes: Partial<Settings>[] = [];
  const f = buildSettingsForm({
    doc: document,
    t: translate(),
    idPrefix: viewOnly ? 'panel' : 'popup',
    settings: { ...DEFAULT_SETTINGS },
    site: 'example.org',
    siteOnly: false,
    viewOnly,
    onChange: (p) => changes.push(p),
    onSiteOnly: () => undefined,
  });
  document.body.append(f.element);
  return { f, changes };
}

afterEach(() => document.body.replaceChildren());

test('the popup and options page have every setting, "This site only" and "Open articles automatically" included', () => {
  const { f } = form(false);
  expect(f.element.querySelector('input[name="siteOnly"]')).not.toBeNull();
  expect(f.element.querySelector('input[name="autoOpen"]')).not.toBeNull();
  expect(Array.from(f.element.querySelectorAll('legend')).map((l) => l.textContent)).toContain(
    'This site and opening',
  );
});

test("the reader's panel leaves them out, and the rest still reports its changes", () => {
  const { f, changes } = form(true);
  expect(f.element.querySelector('input[name="siteOnly"]')).toBeNull();
  expect(f.element.querySelector('input[name="autoOpen"]')).toBeNull();
  expect(Array.from(f.element.querySelectorAll('legend')).map((l) => l.textContent)).not.toContain(
    'This site and opening',
  );
  f.element.querySelector<HTMLInputElement>('input[name="textSize"][value="LG"]')!.click();
  f.element.querySelector<HTMLInputElement>('input[name="images"]')!.click();
  expect(changes).toEqual([{ textSize: 'LG' }, { images: false }]);
  // Settings made elsewhere are shown without being reported back.
  f.update({ ...DEFAULT_SETTINGS, textSize: 'XL', autoOpen: true });
  expect(f.element.querySelector<HTMLInputElement>('input[value="XL"]')!.checked).toBe(true);
  expect(changes).toHaveLength(2);
});
