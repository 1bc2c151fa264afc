// The after-action report as a PDF, drawn server-side with pdfkit: the same sections and words as the
// Markdown file, plus a vector chart of volume and negative mentions with the alerts and publications marked.
import PDFDocument from 'pdfkit';
import { DURATIONS, fill, formatDuration, formatRate, formatTime, MILESTONES, words, type ReportDocument } from './report-text.js';

// The 14 standard PDF fonts only carry Windows-1252: anything else (emoji, CJK) would print as garbage.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function pdfText(text: string): string {
  return [...text.replace(/→/g, '->').replace(/\u202f/g, ' ')].map((c) => (c.charCodeAt(0) < 256 || WIN_ANSI_EXTRAS.has(c) ? c : '?')).join('');
}

const COLORS = { text: '#1f2933', muted: '#52606d', line: '#9aa5b1', volume: '#2563eb', negative: '#dc2626', alert: '#d97706', publication: '#16a34a' };

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(COLORS.text).text(pdfText(text)).moveDown(0.3).font('Helvetica').fontSize(10);
}

function rows(doc: Doc, pairs: [string, string][]): void {
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.fillColor(COLORS.muted).text(pdfText(label), 50, y, { width: 330 });
    const after = doc.y;
    doc.fillColor(COLORS.text).text(pdfText(value), 390, y, { width: 155 });
    doc.y = Math.max(after, doc.y);
  }
  doc.x = 50;
}

function table(doc: Doc, header: string[], body: string[][]): void {
  const xs = [50, 300, 380, 460];
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((c, i) => doc.text(pdfText(c), xs[i], y, { width: i === 0 ? 240 : 75, align: i === 0 ? 'left' : 'right', lineBreak: false }));
    doc.y = y + 15;
  };
  line(header, true);
  for (const r of body) line(r, false);
  doc.font('Helvetica').x = 50;
}

function chart(doc: Doc, d: ReportDocument): void {
  const w = words(d.lang);
  const { series, markers } = d.figures;
  if (series.length === 0) {
    doc.fillColor(COLORS.muted).text(pdfText(w.no_data));
    return;
  }
  if (doc.y > 560) doc.addPage();
  const box = { x: 60, y: doc.y + 10, w: 480, h: 160 };
  const t0 = Date.parse(series[0]!.t);
  const step = series.length > 1 ? Date.parse(series[1]!.t) - t0 : 300_000;
  const t1 = Math.max(Date.parse(series[series.length - 1]!.t) + step, ...markers.map((m) => Date.parse(m.at)));
  const max = Math.max(1, ...series.map((p) => p.count));
  const x = (t: number) => box.x + ((t - t0) / Math.max(1, t1 - t0)) * box.w;
  const y = (v: number) => box.y + box.h - (v / max) * box.h;
  doc.save().lineWidth(0.5).strokeColor(COLORS.line).rect(box.x, box.y, box.w, box.h).stroke();
  for (const m of markers) {
    const mx = x(Date.parse(m.at));
    doc.lineWidth(1).strokeColor(m.kind === 'alert' ? COLORS.alert : COLORS.publication).dash(3, { space: 2 }).moveTo(mx, box.y).lineTo(mx, box.y + box.h).stroke().undash();
  }
  for (const [key, color] of [['count', COLORS.volume], ['negative', COLORS.negative]] as const) {
    doc.lineWidth(1.5).strokeColor(color);
    // Each bucket is a flat step over its interval, so a single bucket still shows.
    series.forEach((p, i) => {
      const from = Date.parse(p.t);
      if (i === 0) doc.moveTo(x(from), y(p[key]));
      else doc.lineTo(x(from), y(p[key]));
      doc.lineTo(x(from + step), y(p[key]));
    });
    doc.stroke();
  }
  doc.restore().fontSize(8).fillColor(COLORS.muted);
  doc.text(String(max), 30, box.y - 3, { width: 26, align: 'right', lineBreak: false });
  doc.text('0', 30, box.y + box.h - 6, { width: 26, align: 'right', lineBreak: false });
  doc.text(pdfText(formatTime(series[0]!.t, d.lang)), box.x, box.y + box.h + 4, { lineBreak: false });
  doc.text(pdfText(formatTime(new Date(t1).toISOString(), d.lang)), box.x + box.w - 120, box.y + box.h + 4, { width: 120, align: 'right', lineBreak: false });
  let lx = box.x;
  const legendY = box.y + box.h + 18;
  for (const [label, color] of [[w.volume, COLORS.volume], [w.negative, COLORS.negative], [w.alert_mark, COLORS.alert], [w.publication_mark, COLORS.publication]] as const) {
    doc.rect(lx, legendY + 2, 10, 4).fill(color);
    doc.fillColor(COLORS.text).text(pdfText(label), lx + 14, legendY, { lineBreak: false });
    lx += 22 + doc.widthOfString(pdfText(label));
  }
  doc.fontSize(10).fillColor(COLORS.text);
  doc.x = 50;
  doc.y = legendY + 20;
}

export function renderPdf(d: ReportDocument): Promise<Buffer> {
  const w = words(d.lang);
  const f = d.figures;
  const doc = new PDFDocument({ size: 'A4', margin: 50, lang: d.lang, info: { Title: pdfText(`${w.title} — ${d.incident.title}`), Author: 'Pilotfish', CreationDate: new Date(d.generated_at) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).fillColor(COLORS.text).text(pdfText(w.title));
  doc.font('Helvetica').fontSize(14).text(pdfText(d.incident.title));
  doc.fontSize(9).fillColor(COLORS.muted).text(pdfText(`${w.generated} ${formatTime(d.generated_at, d.lang)} · ${fill(w.counts, { alerts: f.alerts, signals: f.signals, publications: f.publications })}`));
  doc.fontSize(10).fillColor(COLORS.text);
  if (d.incident.summary) doc.moveDown(0.5).text(pdfText(d.incident.summary));
  heading(doc, w.people);
  rows(doc, [[w.declared_by, d.incident.declared_by ?? w.nobody], [w.commander, d.incident.commander ?? w.nobody], [w.comms_lead, d.incident.comms_lead ?? w.nobody]]);
  heading(doc, w.key_times);
  rows(doc, DURATIONS.map(([label, key]) => [w[label], formatDuration(f.durations[key], d.lang)]));
  heading(doc, w.timeline);
  rows(doc, MILESTONES.map((m) => [w[m], formatTime(f.milestones[m], d.lang)]));
  heading(doc, w.reads);
  if (f.read_total.sent === 0) doc.text(pdfText(w.no_reads));
  else {
    table(doc, [w.group, w.sent, w.read, w.rate], [
      ...f.read_rates.map((g) => [g.group ?? w.no_group, String(g.sent), String(g.read), formatRate(g.rate)]),
      [w.total, String(f.read_total.sent), String(f.read_total.read), formatRate(f.read_total.rate)],
    ]);
  }
  heading(doc, w.chart);
  chart(doc, d);
  if (f.markers.length) {
    doc.moveDown(0.5).fontSize(9);
    for (const m of f.markers) doc.fillColor(m.kind === 'alert' ? COLORS.alert : COLORS.publication).text(pdfText(`${formatTime(m.at, d.lang)} — ${m.kind === 'alert' ? w.alert_mark : w.publication_mark}: ${m.label}`));
  }
  doc.end();
  return done;
}
