#!/usr/bin/env node
// Renders the app icons (public/icons/*.png) from the brand mark with Chromium, so the PNGs that home
// screens need stay in step with favicon.svg. Run by hand after changing the mark; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FISH = '<path d="M12 34c8-10 22-14 34-8l8-6v24l-8-6c-12 6-26 2-34-4z" fill="#fff"/><circle cx="22" cy="31" r="2.6" fill="#0f3d5e"/>';
// "any": the rounded tile of the favicon. "maskable": full-bleed background, the fish inside the safe zone.
const ANY = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0f3d5e"/>${FISH}</svg>`;
const MASKABLE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0f3d5e"/><g transform="translate(9.6 9.6) scale(0.7)">${FISH}</g></svg>`;
const ICONS = [
  { file: 'icon-192.png', size: 192, svg: ANY },
  { file: 'icon-512.png', size: 512, svg: ANY },
  { file: 'maskable-512.png', size: 512, svg: MASKABLE },
  { file: 'apple-touch-icon.png', size: 180, svg: MASKABLE }, // iOS rounds the corners itself
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${icon.size}px;height:${icon.size}px}</style>${icon.svg}`);
    writeFileSync(path.join(root, 'public/icons', icon.file), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
