import { describe, expect, it } from 'vitest';
import { htmlToText, truncateText } from './html-text.js';

describe('htmlToText', () => {
  it.each([
    ['plain text stays', 'Grève à la SNCF', 'Grève à la SNCF'],
    ['inline tags vanish without spaces', 'caf<b>é</b> <a href="/x">noir</a>', 'café noir'],
    ['block tags become spaces', '<p>one</p><p>two<br/>three</p><li>four</li>', 'one two three four'],
    ['scripts and styles are dropped with their content', 'a<script>alert("x<p>")</script>b<style>p{color:red}</style>c', 'a b c'],
    ['an unclosed script drops the rest', 'keep<script>var x = 1;', 'keep'],
    ['comments are dropped', 'a<!-- hidden <b>x</b> -->b', 'a b'],
    ['named, decimal and hex references', 'l&#39;usine &eacute;t&eacute; &#x2014; 5&nbsp;&euro; &amp; co', 'l\'usine été — 5 € & co'],
    ['cp1252 numeric references like browsers', 'l&#146;appel &#150; &#128;', 'l’appel – €'],
    ['unknown references stay literal', 'AT&T &bogus; & more', 'AT&T &bogus; & more'],
    ['twice-escaped HTML is unwrapped', '&lt;p&gt;Rappel &lt;b&gt;produit&lt;/b&gt;&lt;/p&gt;', 'Rappel produit'],
    ['a lone less-than is text', 'a < b and c<d', 'a < b and c<d'],
    ['attributes containing > do not leak', '<a title="x > y" href="/z">lien</a> ok', 'lien ok'],
    ['whitespace and invisible characters collapse', ' a\n\t b\u00a0\u200bc\u00ad ', 'a b c'],
    ['CDATA inside HTML keeps its text', 'x <![CDATA[inside]]> y', 'x inside y'],
    ['case changes that alter string length do not shift the cut', 'İİİ<SCRIPT>x</Script>après', 'İİİ après'],
    ['invalid code points become replacement characters', '&#0;&#xD800;&#1114112;', '\uFFFD\uFFFD\uFFFD'],
  ])('%s', (_name, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });

  it.each([
    ['unclosed attributes', '<a title="'.repeat(20_000)],
    ['unclosed declarations', '<!x'.repeat(30_000)],
    ['lone brackets', '<'.repeat(60_000)],
    ['unclosed scripts', '<script>'.repeat(10_000)],
    ['unclosed comments', '<!--'.repeat(20_000)],
    ['escaped tags without ends', '&lt;p '.repeat(20_000)],
  ])('stays linear on hostile input: %s', (_name, hostile) => {
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('short', 10)).toBe('short');
  });
  it('cuts at a word boundary and adds an ellipsis', () => {
    const cut = truncateText('the quick brown fox jumps over', 20);
    expect(cut).toBe('the quick brown fox…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });
  it('never splits an emoji', () => {
    const cut = truncateText(`${'x'.repeat(8)}😀😀😀`, 10);
    expect(cut).toBe(`${'x'.repeat(8)}…`);
  });
});
