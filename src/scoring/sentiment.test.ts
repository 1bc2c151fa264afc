import { describe, expect, it } from 'vitest';
import { scoreText } from './index.js';

const score = (text: string, lang: 'auto' | 'fr' | 'en' = 'auto') => scoreText(text, { lang });
const label = (text: string, lang: 'auto' | 'fr' | 'en' = 'auto') => score(text, lang).label;

describe('sentiment labels on clear cases', () => {
  it.each([
    ['I love this phone, it works great', 'positive'],
    ['This is the worst service ever, I hate it', 'negative'],
    ['The meeting is at 3pm in room 204', 'neutral'],
    ["J'adore ce film, il est magnifique", 'positive'],
    ['Service client nul, livraison en retard, une honte', 'negative'],
    ['La réunion aura lieu mardi à 14h', 'neutral'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('leaves a barely positive English text neutral (the neutral band chosen by cross-validation)', () => {
    const s = score('I want the blue one');
    expect(s.sentiment).toBeGreaterThan(0.05); // positive under VADER's own 0.05 cut
    expect(s.label).toBe('neutral');
  });

  it('keeps the score within [-1, 1] however much is piled up', () => {
    const s = score('AMAZING AMAZING AMAZING love love love 😍😍😍 best best best!!!!!!!');
    expect(s.sentiment).toBeLessThanOrEqual(1);
    expect(score('HORRIBLE awful hate 😡😡😡 worst worst scam!!!!!!').sentiment).toBeGreaterThanOrEqual(-1);
    expect(s.sentiment).toBeGreaterThan(0.9);
  });
});

describe('negation flips the polarity', () => {
  it.each([
    ['good', 'not good', 'en'],
    ['I like it', "I don't like it", 'en'],
    ['I like it', 'I dont like it', 'en'],
    ['it was helpful', 'it was never helpful', 'en'],
    ['bad', 'not bad', 'en'],
    ["c'est bon", "ce n'est pas bon", 'fr'],
    ["j'aime ce produit", "j'aime pas ce produit", 'fr'],
    ["j'aime ce produit", "je n'aime plus ce produit", 'fr'],
    ['il est content', "il n'est jamais content", 'fr'],
    ['un problème', 'sans problème', 'fr'],
    ["c'est mal", "c'est pas mal", 'fr'],
  ] as const)('"%s" vs "%s"', (plain, negated, lang) => {
    const a = score(plain, lang).sentiment;
    const b = score(negated, lang).sentiment;
    expect(Math.sign(a)).not.toBe(0);
    expect(Math.sign(b)).toBe(-Math.sign(a));
  });

  it('a negation does not reach past the end of its clause', () => {
    expect(label("It's not my phone. Great battery though", 'en')).toBe('positive');
  });

  it('"ne … pas" counts once, not twice', () => {
    expect(label("je n'aime pas ce film", 'fr')).toBe('negative');
  });

  it('rien de bon / aucun intérêt / ni bon ni beau read as negative', () => {
    for (const text of ['rien de bon dans ce film', 'ni bon ni beau']) expect(label(text, 'fr')).toBe('negative');
  });
});

describe('intensifiers and diminishers', () => {
  it.each([
    ['good', 'very good', 'en'],
    ['good', 'extremely good', 'en'],
    ['bad', 'so bad', 'en'],
    ['bien', 'très bien', 'fr'],
    ['bien', 'vraiment bien', 'fr'],
    ['nul', 'trop nul', 'fr'],
    ['beau', 'super beau', 'fr'],
    ['relou', 'hyper relou', 'fr'],
    ['relou', 'relou grave', 'fr'],
    ['stylé', 'stylé de ouf', 'fr'],
  ] as const)('"%s" < "%s" in strength', (plain, stronger, lang) => {
    expect(Math.abs(score(stronger, lang).sentiment)).toBeGreaterThan(Math.abs(score(plain, lang).sentiment));
  });

  it.each([
    ['good', 'barely good', 'en'],
    ['good', 'kind of good', 'en'],
    ['bon', 'peu bon', 'fr'],
    ['bon', 'assez bon', 'fr'],
    ['bon', 'un peu bon', 'fr'],
  ] as const)('"%s" > "%s" in strength', (plain, weaker, lang) => {
    const w = score(weaker, lang).sentiment;
    expect(Math.abs(w)).toBeLessThan(Math.abs(score(plain, lang).sentiment));
    expect(Math.sign(w)).toBe(Math.sign(score(plain, lang).sentiment));
  });

  it('"super" and "grave" are sentiment words alone and intensifiers before another word', () => {
    expect(label("c'est super", 'fr')).toBe('positive');
    expect(label("c'est grave", 'fr')).toBe('negative');
    expect(label('super nul', 'fr')).toBe('negative');
    expect(label('grave bien', 'fr')).toBe('positive');
  });
});

describe('contrast: the clause after "but" weighs more', () => {
  it.each([
    ['The screen is great but the battery is awful', 'negative'],
    ['The battery is awful but the screen is great', 'positive'],
    ["L'écran est magnifique mais la batterie est nulle", 'negative'],
    ["La batterie est nulle mais l'écran est magnifique", 'positive'],
    ['Le prix est horrible, cependant le produit est excellent', 'positive'],
    ['Le produit est excellent, pourtant le service est horrible', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('"but" is not a contrast in French, where it is a noun (un but = a goal)', () => {
    expect(label('Quel but magnifique !', 'fr')).toBe('positive');
  });
});

describe('emphasis: exclamation marks, capitals, elongation', () => {
  it.each([
    ['good', 'good!!!'],
    ['this is bad', 'this is BAD'],
    ['good', 'goooood'],
    ['so good', 'sooooo good'],
    ["c'est nul", "c'est nuuuuul"],
    ["c'est génial", "c'est GÉNIAL"],
  ])('"%s" is weaker than "%s"', (plain, emphatic) => {
    expect(Math.abs(score(emphatic).sentiment)).toBeGreaterThan(Math.abs(score(plain).sentiment));
  });

  it('an elongated word still finds its lexicon entry', () => {
    expect(label("c'est nuuuul", 'fr')).toBe('negative');
    expect(label('loooove it', 'en')).toBe('positive');
  });

  it('a text written entirely in capitals gets no capital bonus (no contrast with the rest)', () => {
    expect(score('THIS IS GOOD', 'en').sentiment).toBeCloseTo(score('this is good', 'en').sentiment, 5);
  });
});

describe('emoji and emoticons', () => {
  it.each([
    ['😍', 'positive'], ['😂', 'positive'], ['👍🏽', 'positive'], ['❤️', 'positive'],
    ['😡', 'negative'], ['😭', 'negative'], ['👎', 'negative'], ['💔', 'negative'],
    [':)', 'positive'], [':-)', 'positive'], ['=)', 'positive'], [':D', 'positive'], ['xD', 'positive'], ['<3', 'positive'],
    [':(', 'negative'], [":'(", 'negative'], ['</3', 'negative'], ['-_-', 'negative'],
  ] as const)('%s alone is %s', (text, expected) => {
    expect(label(`livraison reçue ${text}`, 'fr')).toBe(expected);
  });

  it('an emoji tips a neutral statement', () => {
    expect(label('My order arrived today')).toBe('neutral');
    expect(label('My order arrived today 😡')).toBe('negative');
  });

  it('times and ratios are not emoticons', () => {
    expect(label('Rendez-vous à 10:30 (salle 8)', 'fr')).toBe('neutral');
  });
});

describe('hashtags are split into words', () => {
  it.each([
    ['Nouvelle offre #fail', 'negative'],
    ['Nouvelle offre #EpicFail', 'negative'],
    ['New phone #LoveIt', 'positive'],
    ['Nouveau forfait #trop_nul', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('a negation before a hashtag does not reach into it', () => {
    expect(label('not today #happy', 'en')).toBe('positive');
  });
});

describe('slang of both languages', () => {
  it.each([
    ['bof', 'negative'], ['relou', 'negative'], ["c'est chiant", 'negative'], ["j'en ai marre", 'negative'],
    ['top', 'positive'], ['génial', 'positive'], ['mdr trop drôle', 'positive'], ['je kiffe', 'positive'],
    ['wtf', 'negative'], ['smh', 'negative'], ['lol', 'positive'], ['this sucks', 'negative'], ['lmao', 'positive'],
    ["can't wait", 'positive'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, /[éè']|bof|relou|top|mdr|kiffe/.test(text) && text !== "can't wait" ? 'fr' : 'en')).toBe(expected);
  });

  it('laughter is not negated by a nearby negation', () => {
    expect(score('no lol', 'en').sentiment).toBeGreaterThan(score('no', 'en').sentiment);
  });
});

describe('accents and mixed languages', () => {
  it('matches lexicon words written without their accents', () => {
    expect(label('genial', 'fr')).toBe('positive');
    expect(label('decu', 'fr')).toBe('negative');
    expect(score('déçu', 'fr').sentiment).toBe(score('decu', 'fr').sentiment);
  });

  it('reads English slang inside French text', () => {
    expect(label('Le nouveau forfait est trop nice', 'fr')).toBe('positive');
    expect(label('Grosse fail la mise à jour', 'fr')).toBe('negative');
  });

  it('does not read French function words as English sentiment words', () => {
    expect(label('Il faut dire que le pain est sur la table', 'fr')).toBe('neutral');
  });

  it('scores a sentence mixing both languages', () => {
    expect(label("Franchement the update is great, j'adore")).toBe('positive');
    expect(label("Honnêtement c'est nul, worst update ever")).toBe('negative');
  });
});
