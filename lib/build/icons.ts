/**
 * `npm run icons`: rasterises components/icon.svg to the PNG sizes both stores ask
 * for (components/public/icon/N.png, WXT's public folder here, which WXT puts in both manifests). The PNGs are
 * committed, so a build needs no native renderer.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = resolve(import.meta.dirname, '../..');
const svg = readFileSync(resolve(root, 'components/icon.svg'), 'utf8');
mkdirSync(resolve(root, 'components/public/icon'), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(resolve(root, `components/public/icon/${size}.png`), png);
  console.log(`components/public/icon/${size}.png: ${png.length} bytes`);
}
