// Renders build/icon.svg to the app's icons with the system Chromium (no ImageMagick needed):
//   build/icon.png (512x512, Linux and runtime), resources/icon.png (same, loaded by the window),
//   build/icon.ico (16-256, PNG-compressed entries, Windows), build/icon.icns (128-1024, macOS).
// Usage: node build/make-icons.mjs   (needs /usr/bin/chromium and playwright-core)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_TIMEOUT_MS = 20_000;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  timeout: LAUNCH_TIMEOUT_MS,
});
const page = await browser.newPage({ deviceScaleFactor: 1 });

async function render(size) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = {};
for (const size of sizes) png[size] = await render(size);
await browser.close();

writeFileSync(join(here, 'icon.png'), png[512]);
writeFileSync(join(root, 'resources', 'icon.png'), png[512]);

// ICO: a directory of PNG images (supported since Windows Vista).
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}
writeFileSync(
  join(here, 'icon.ico'),
  ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: png[size] }))),
);

// ICNS: typed PNG chunks (ic07 128, ic08 256, ic09 512, ic10 1024 = 512@2x).
function icns(chunks) {
  const parts = chunks.map(({ type, data }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}
writeFileSync(
  join(here, 'icon.icns'),
  icns([
    { type: 'ic07', data: png[128] },
    { type: 'ic08', data: png[256] },
    { type: 'ic09', data: png[512] },
    { type: 'ic10', data: png[1024] },
  ]),
);
console.log('icons written: build/icon.png, build/icon.ico, build/icon.icns, resources/icon.png');
