import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, alertMessage, talkingPointMessage } from '../../../test/notify/fixtures.js';
import type { AlertMessage, Lang } from '../types.js';
import { renderAlertEmail, renderTalkingPointEmail } from './templates.js';

const NBSP = '\u00a0';

describe('renderAlertEmail subject', () => {
  const cases: { lang: Lang; overrides: Partial<AlertMessage>; subject: string }[] = [
    { lang: 'fr', overrides: {}, subject: `[Pilotfish] CRITIQUE — Pic de volume sur «${NBSP}Marque X${NBSP}»` },
    { lang: 'en', overrides: {}, subject: '[Pilotfish] CRITICAL — Volume spike on "Marque X"' },
    { lang: 'fr', overrides: { escalated: true, stepIndex: 1 }, subject: `[Pilotfish] CRITIQUE — Escalade (étape${NBSP}2) — Pic de volume sur «${NBSP}Marque X${NBSP}»` },
    { lang: 'en', overrides: { escalated: true, stepIndex: 2 }, subject: '[Pilotfish] CRITICAL — Escalated (step 3) — Volume spike on "Marque X"' },
    { lang: 'fr', overrides: { severity: 'high', kind: 'negative_surge' }, subject: `[Pilotfish] ÉLEVÉE — Poussée de messages négatifs sur «${NBSP}Marque X${NBSP}»` },
    { lang: 'en', overrides: { severity: 'low', kind: 'emerging_term' }, subject: '[Pilotfish] LOW — Emerging term on "Marque X"' },
    { lang: 'en', overrides: { watchlistName: 'Evil\r\nBcc: victim@example.com' }, subject: '[Pilotfish] CRITICAL — Volume spike on "Evil Bcc: victim@example.com"' },
  ];
  it.each(cases)('$lang $overrides', ({ lang, overrides, subject }) => {
    expect(renderAlertEmail(alertMessage(overrides), lang).subject).toBe(subject);
  });
});

describe('renderAlertEmail body', () => {
  it.each([
    { lang: 'fr' as const, expected: '29,6', factor: '×4,1', month: 'mars', observedLabel: `Observé${NBSP}:` },
    { lang: 'en' as const, expected: '29.6', factor: '×4.1', month: 'Mar', observedLabel: 'Observed:' },
  ])('explains the alert in $lang, in both parts', ({ lang, expected, factor, month, observedLabel }) => {
    const email = renderAlertEmail(alertMessage(), lang);
    for (const part of [email.text, email.html]) {
      expect(part).toContain('120');
      expect(part).toContain(expected);
      expect(part).toContain(factor);
      // The window, in the reader's language, with its time zone (exact spacing is ICU's business).
      expect(part).toMatch(new RegExp(`3 ${month} 2025, 14:00\\s*–\\s*14:15 \\(UTC\\)`));
      expect(part).toContain('rappel, intoxication');
      expect(part).toContain('Volume well above the usual level for this hour.');
      expect(part).toContain('Rappel massif des yaourts Marque X');
      expect(part).toContain('https://pilotfish.example/alerts/alert-1/ack');
      expect(part).toContain('https://pilotfish.example/alerts/alert-1');
    }
    expect(email.text).toContain(`${observedLabel} 120`);
    expect(email.html).toContain(`<html lang="${lang}">`);
  });

  it('says why an escalation arrives', () => {
    const fr = renderAlertEmail(alertMessage({ escalated: true, stepIndex: 1 }), 'fr');
    expect(fr.text).toContain('escalade à l’étape');
    const en = renderAlertEmail(alertMessage({ escalated: true, stepIndex: 1 }), 'en');
    expect(en.html).toContain('Nobody has acknowledged this alert yet: escalated to step 2.');
  });

  it('offers the acknowledge link only while the alert is unowned', () => {
    expect(renderAlertEmail(alertMessage(), 'en').html).toContain('/ack"');
    const acked = renderAlertEmail(alertMessage({ status: 'acknowledged' }), 'en');
    expect(acked.html).not.toContain('/ack"');
    expect(acked.text).not.toContain('/ack');
  });

  it('keeps hostile mention text inert in HTML', () => {
    const msg = alertMessage({
      watchlistName: '<b>Brand</b>',
      samples: [{ text: HOSTILE_TEXT, url: 'javascript:alert(3)', author: '<i>" onmouseover="x</i>' }],
      explanation: { ...alertMessage().explanation, top_terms: ['<svg onload=alert(4)>'], summary: '</td><script>' },
    });
    const { html } = renderAlertEmail(msg, 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('" onerror=');
    expect(html).not.toContain('" onmouseover=');
    expect(html).not.toMatch(/<svg|<img|<i>|<b>/i);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onerror=&quot;alert(2)&quot;');
    // Same text, readable as is, in the plain part.
    expect(renderAlertEmail(msg, 'en').text).toContain(HOSTILE_TEXT);
  });

  it('escapes ampersands inside links', () => {
    expect(renderAlertEmail(alertMessage(), 'fr').html).toContain('href="https://news.example/article?id=1&amp;src=rss"');
  });
});

describe('renderTalkingPointEmail', () => {
  it.each([
    { lang: 'fr' as const, subject: `[Pilotfish] Élément de langage${NBSP}: Rappel de lots de yaourts`, share: 'Peut être partagé publiquement.', confirm: 'Lire et confirmer la lecture' },
    { lang: 'en' as const, subject: '[Pilotfish] Talking point: Rappel de lots de yaourts', share: 'May be shared publicly.', confirm: 'Read and confirm' },
  ])('renders a first version in $lang', ({ lang, subject, share, confirm }) => {
    const email = renderTalkingPointEmail(talkingPointMessage(), lang);
    expect(email.subject).toBe(subject);
    for (const part of [email.text, email.html]) {
      expect(part).toContain(share);
      expect(part).toContain(confirm);
      expect(part).toContain('https://pilotfish.example/talking-points/tp-1');
      expect(part).toContain('LinkedIn');
      expect(part).toContain('Rappel produit mars 2025');
    }
    // Two paragraphs, the line break inside the first one kept.
    expect(email.html).toContain('trois lots.<br>Aucun autre produit');
    expect(email.html.match(/<p style="margin:0 0 12px 0;">Par précaution|<p style="margin:0 0 12px 0;">Les clients/g)).toHaveLength(2);
  });

  it('announces a new version that replaces the previous one', () => {
    const email = renderTalkingPointEmail(talkingPointMessage({ version: 3, supersedes: 'tp-0' }), 'en');
    expect(email.subject).toBe('[Pilotfish] Talking point: Rappel de lots de yaourts (v3, new version)');
    expect(email.text).toContain('This version replaces the previous one.');
  });

  it('marks internal talking points and leaves out suggested public posts', () => {
    const email = renderTalkingPointEmail(talkingPointMessage({ shareable: false }), 'fr');
    expect(email.text).toContain('Usage interne uniquement');
    expect(email.html).not.toContain('LinkedIn');
  });

  it('escapes the body', () => {
    const { html } = renderTalkingPointEmail(talkingPointMessage({ body: HOSTILE_TEXT, title: '<script>t</script>' }), 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('" onerror=');
  });
});
