/**
 * `npm run icons`: rasterises assets/icon.svg to the PNG sizes both stores ask
 * for (public/icon/N.png, which WXT puts in both manifests). The PNGs are
 * committed, so a build needs no native renderer.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
mkdirSync(resolve(root, 'public/icon'), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(resolve(root, `public/icon/${size}.png`), png);
  console.log(`public/icon/${size}.png: ${png.length} bytes`);
}
