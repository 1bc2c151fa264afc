#!/usr/bin/env node
// Writes public/sounds/alert.wav: a short two-note chime (A5 then E6, soft attack, exponential decay),
// 16-bit mono PCM at 22.05 kHz. Generated rather than downloaded so its licence is ours.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rate = 22050;
const notes = [{ freq: 880, start: 0, length: 0.32 }, { freq: 1318.5, start: 0.14, length: 0.42 }];
const duration = 0.6;
const samples = new Float64Array(Math.round(rate * duration));
for (const note of notes) {
  const from = Math.round(note.start * rate);
  const count = Math.round(note.length * rate);
  for (let i = 0; i < count && from + i < samples.length; i++) {
    const time = i / rate;
    const attack = Math.min(1, time / 0.008);
    const decay = Math.exp(-time * 7);
    const tone = Math.sin(2 * Math.PI * note.freq * time) + 0.25 * Math.sin(2 * Math.PI * note.freq * 2 * time);
    samples[from + i] += 0.32 * attack * decay * tone;
  }
}
const data = Buffer.alloc(samples.length * 2);
samples.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2));
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(rate, 24);
header.writeUInt32LE(rate * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
const out = path.join(root, 'public/sounds/alert.wav');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat([header, data]));
console.log(`wrote ${path.relative(root, out)} (${header.length + data.length} bytes)`);
