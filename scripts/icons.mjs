// Draws every PNG icon size from the one SVG source. Run after editing icons/lectern.svg:
//   npm run icons
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(new URL('../icons/lectern.svg', import.meta.url), 'utf8');
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
  console.log(`icons/icon-${size}.png ${png.length} bytes`);
}
