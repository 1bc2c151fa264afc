#!/usr/bin/env node
// Sentiment measured out of sample: `npm run build && node scripts/eval-sentiment-cv.mjs DIR`, where DIR
// holds en-tweets-dev.tsv (VADER's rated tweets, "id rating text"), en-semeval-dev.tsv and
// fr-tweets-dev.tsv ("label text"). Nothing of that data is copied into the project.
//
// Every knob the scorer has that was chosen from data (the neutral band of each language) is chosen
// here by stratified k-fold cross-validation over the three sets at once: in each fold the knobs are
// fitted on the other folds of all three sets, and the held-out fold is labelled with them. The figure
// reported for a set is the one of its held-out labels, pooled over the folds; "in-sample" is the same
// fit on all the data. VADER alone (npm vader-sentiment, its 0.05 cut) is measured on the same texts.
//
//   node scripts/eval-sentiment-cv.mjs DIR [--folds 10] [--seed 1] [--errors en-semeval]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = (p) => fileURLToPath(new URL(`../dist/scoring/${p}`, import.meta.url));
if (!existsSync(dist('index.js'))) {
  console.error('eval-sentiment-cv: dist/ is missing, run `npm run build` first');
  process.exit(1);
}
const { analyze, scoreAnalyzed } = await import(dist('index.js'));
const { CLASSIFIER } = await import(dist('sentiment.js'));
const vader = createRequire(import.meta.url)('vader-sentiment').SentimentIntensityAnalyzer;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dir = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--')) ?? '../shared/data/sentiment';
const FOLDS = Number(option('--folds', '10'));
const SEED = Number(option('--seed', '1'));

/** Each set with the measure its target is stated in. */
const SETS = [
  { name: 'en-tweets', file: 'en-tweets-dev.tsv', measure: 'accuracy' },
  { name: 'en-semeval', file: 'en-semeval-dev.tsv', measure: 'macroF1' },
  { name: 'fr-tweets', file: 'fr-tweets-dev.tsv', measure: 'macroF1' },
];
const CLASSES = ['negative', 'neutral', 'positive'];

function readSet(file) {
  const lines = readFileSync(`${dir}/${file}`, 'utf8').split('\n').filter((l) => l.trim());
  const header = lines.shift().split('\t');
  return lines.map((l) => {
    const f = l.split('\t');
    if (header[0] === 'label') return { gold: f[0], text: f.slice(1).join(' ') };
    const r = Number(f[1]);
    return { gold: r > 0.05 ? 'positive' : r < -0.05 ? 'negative' : 'neutral', rating: r, text: f.slice(2).join(' ') };
  });
}

function measures(items, labelOf) {
  let correct = 0;
  const f1 = CLASSES.map((c) => {
    let tp = 0, fp = 0, fn = 0;
    for (const x of items) {
      const p = labelOf(x);
      if (p === c && x.gold === c) tp++; else if (p === c) fp++; else if (x.gold === c) fn++;
    }
    const prec = tp / (tp + fp || 1), rec = tp / (tp + fn || 1);
    return 2 * prec * rec / (prec + rec || 1);
  });
  for (const x of items) if (labelOf(x) === x.gold) correct++;
  return { accuracy: correct / items.length, macroF1: (f1[0] + f1[1] + f1[2]) / 3, f1 };
}

/** `cut` is { pos, neg }: positive from pos up, negative from −neg down. */
const label = (compound, cut) => (compound >= cut.pos ? 'positive' : compound <= -cut.neg ? 'negative' : 'neutral');

// A deterministic shuffle, then folds stratified by gold label.
function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
function assignFolds(items, rand) {
  for (const c of CLASSES) {
    const members = items.filter((x) => x.gold === c);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((x, i) => { x.fold = i % FOLDS; });
  }
}

// ---- the knobs fitted from data: one neutral cut per language (French, and English for the rest) ----
const CUTS = Array.from({ length: 81 }, (_, i) => i / 100);
const langKey = (x) => (x.lang === 'fr' ? 'fr' : 'en');

/** The sum of the sets' measures (each set's own target measure) on `pick`ed items under `knobs`. */
function objective(sets, pick, knobs) {
  let total = 0;
  for (const set of sets) {
    const items = set.items.filter(pick);
    total += measures(items, (x) => label(x.compound, knobs[langKey(x)]))[set.measure];
  }
  return total;
}

/** Coordinate search of the cuts on the picked items: each language's cut only moves its own texts. */
const SYMMETRIC = args.includes('--symmetric');
function fitKnobs(sets, pick) {
  const knobs = { en: { ...CLASSIFIER.neutralCut.en }, fr: { ...CLASSIFIER.neutralCut.fr } };
  for (let pass = 0; pass < (SYMMETRIC ? 1 : 2); pass++) {
    for (const lang of ['en', 'fr']) {
      for (const side of SYMMETRIC ? ['both'] : ['pos', 'neg']) {
        let best = -Infinity, bestCut = knobs[lang];
        for (const c of CUTS) {
          const cut = side === 'both' ? { pos: c, neg: c } : { ...knobs[lang], [side]: c };
          const score = objective(sets, pick, { ...knobs, [lang]: cut });
          if (score > best + 1e-12) { best = score; bestCut = cut; }
        }
        knobs[lang] = bestCut;
      }
    }
  }
  return knobs;
}
const showCut = (c) => `+${c.pos}/-${c.neg}`;

// ---- run ----
const sets = SETS.map((s) => ({ ...s, items: readSet(s.file) }));
const rand = prng(SEED);
const t0 = performance.now();
for (const set of sets) {
  assignFolds(set.items, rand);
  for (const x of set.items) {
    const score = scoreAnalyzed(analyze(x.text));
    x.lang = score.lang;
    x.compound = score.sentiment;
    x.shipped = score.label;
    x.vader = vader.polarity_scores(x.text).compound;
  }
}

// ---- rule switches: each of Pilotfish's departures from VADER, flipped one at a time ----
// A "variant" is the shipped rules with one switch flipped; its compounds are kept per text, and each
// fold picks the variant (and the cuts) that does best on its training part.
const SWITCHES = args.includes('--switches') ? Object.keys(CLASSIFIER.rules) : [];
const variants = [{ name: 'shipped rules' }];
for (const name of SWITCHES) {
  CLASSIFIER.rules[name] = !CLASSIFIER.rules[name];
  const v = { name: `${name} ${CLASSIFIER.rules[name] ? 'on' : 'off'}` };
  for (const set of sets) for (const x of set.items) (x.variants ??= [x.compound]).push(scoreAnalyzed(analyze(x.text)).sentiment);
  CLASSIFIER.rules[name] = !CLASSIFIER.rules[name];
  variants.push(v);
}
const seconds = (performance.now() - t0) / 1000;

// ---- optional learned correction: ridge regression of VADER's mean ratings (MIT) on hashed n-grams ----
const LEARN = option('--learn');
const BUCKETS = 1 << Number(option('--bits', '14'));
function fnv(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) % BUCKETS;
}
function featuresOf(text) {
  const doc = analyze(text);
  const grams = [];
  let prev = '<s>';
  for (const t of doc.tokens) {
    if (t.kind === 'url' || t.kind === 'mention' || t.kind === 'number' || t.kind === 'hashtag') continue;
    const w = t.kind === 'stop' || t.kind === 'bang' || t.kind === 'question' ? t.norm : t.norm;
    grams.push(w, `${prev} ${w}`);
    prev = w;
  }
  return [...new Set(grams.map(fnv))];
}
function trainRidge(items, l2, epochs) {
  const beta = new Float64Array(BUCKETS);
  let lr = 0.05;
  for (let e = 0; e < epochs; e++) {
    for (const x of items) {
      const target = x.rating / 4 - x.compound;
      let pred = 0;
      for (const f of x.feats) pred += beta[f];
      const g = pred - target;
      for (const f of x.feats) beta[f] -= lr * (g + l2 * beta[f]);
    }
    lr *= 0.7;
  }
  return beta;
}
if (LEARN) {
  const [lambda, l2, epochs] = LEARN.split(',').map(Number);
  const en = sets[0].items;
  for (const set of sets) for (const x of set.items) x.feats = featuresOf(x.text);
  for (let k = 0; k < FOLDS; k++) {
    const beta = trainRidge(en.filter((x) => x.fold !== k), l2, epochs);
    for (const set of sets) for (const x of set.items) {
      if (x.fold !== k || (x.lang === 'fr')) continue;
      let p = 0;
      for (const f of x.feats) p += beta[f];
      x.compound = x.compound + lambda * p;
    }
  }
  console.log(`learned correction: lambda ${lambda}, l2 ${l2}, epochs ${epochs}, ${BUCKETS} buckets (compounds below are out-of-fold)`);
}

// ---- optional: multinomial logistic regression over lexicon summaries (no words), per language ----
const { explainSentiment } = await import(dist('sentiment.js'));
function summaryOf(text) {
  const doc = analyze(text);
  const { result, contributions } = explainSentiment(doc);
  let pos = 0, neg = 0, nPos = 0, nNeg = 0, maxPos = 0, maxNeg = 0;
  for (const c of contributions) {
    if (c.valence > 0) { pos += c.valence; nPos++; maxPos = Math.max(maxPos, c.valence); }
    else if (c.valence < 0) { neg -= c.valence; nNeg++; maxNeg = Math.max(maxNeg, -c.valence); }
  }
  const q = doc.tokens.some((t) => t.kind === 'question') ? 1 : 0;
  const bang = doc.tokens.some((t) => t.kind === 'bang') ? 1 : 0;
  const words = doc.tokens.filter((t) => t.kind === 'word').length;
  return [1, result.sentiment, Math.sign(result.sentiment), pos, neg, nPos ? 1 : 0, nNeg ? 1 : 0, maxPos, maxNeg, q, bang, Math.log1p(words), nPos && nNeg ? 1 : 0];
}
function trainLR(items, l2, epochs) {
  const d = items[0].summary.length;
  const W = CLASSES.map(() => new Float64Array(d));
  let lr = 0.1;
  for (let e = 0; e < epochs; e++) {
    const grad = CLASSES.map(() => new Float64Array(d));
    for (const x of items) {
      const z = W.map((w) => w.reduce((a, wi, i) => a + wi * x.summary[i], 0));
      const m = Math.max(...z);
      const ex = z.map((v) => Math.exp(v - m));
      const sum = ex[0] + ex[1] + ex[2];
      CLASSES.forEach((c, k) => {
        const g = ex[k] / sum - (x.gold === c ? 1 : 0);
        for (let i = 0; i < d; i++) grad[k][i] += g * x.summary[i] * x.weight;
      });
    }
    W.forEach((w, k) => { for (let i = 0; i < d; i++) w[i] -= lr * (grad[k][i] + l2 * w[i]); });
  }
  return W;
}
const predictLR = (W, x) => {
  const z = W.map((w) => w.reduce((a, wi, i) => a + wi * x.summary[i], 0));
  return CLASSES[z.indexOf(Math.max(...z))];
};
if (args.includes('--lr')) {
  const trainOn = option('--lr-train', 'all'); // all | vader
  for (const set of sets) for (const x of set.items) x.summary = summaryOf(x.text);
  const lrLabel = new Map();
  for (const lang of ['en', 'fr']) {
    for (let k = 0; k < FOLDS; k++) {
      const train = [];
      for (const set of sets) {
        if (trainOn === 'vader' && set.name !== 'en-tweets') continue;
        const mine = set.items.filter((x) => x.fold !== k && langKey(x) === lang);
        for (const x of mine) x.weight = 1 / mine.length; // each set weighs the same
        train.push(...mine);
      }
      if (train.length === 0) continue;
      const W = trainLR(train, 0.001, 400);
      for (const set of sets) for (const x of set.items) if (x.fold === k && langKey(x) === lang) lrLabel.set(x, predictLR(W, x));
    }
  }
  for (const set of sets) console.log(`LR over lexicon summaries (${trainOn}), CV: ${set.name} ${fmtM(measures(set.items, (x) => lrLabel.get(x) ?? cvLabelFallback(x)))}`);
}
function cvLabelFallback(x) { return label(x.compound, CLASSIFIER.neutralCut[langKey(x)]); }
function fmtM(m) { return `acc ${m.accuracy.toFixed(3)}  F1 ${m.macroF1.toFixed(3)}  (${m.f1.map((v) => v.toFixed(3)).join('/')})`; }

const useVariant = (v) => { for (const set of sets) for (const x of set.items) if (x.variants) x.compound = x.variants[v]; };
/** The variant and cuts that do best on the picked items; leaves that variant's compounds in place. */
function fitAll(pick) {
  let best;
  for (let v = 0; v < variants.length; v++) {
    useVariant(v);
    const knobs = fitKnobs(sets, pick);
    const score = objective(sets, pick, knobs);
    if (!best || score > best.score + 1e-12) best = { v, knobs, score };
    if (variants.length > 1) variantScores[v] = (variantScores[v] ?? []).concat(score);
  }
  useVariant(best.v);
  return best;
}
const variantScores = [];
const cvLabel = new Map();
const foldKnobs = [];
const foldVariants = [];
for (let k = 0; k < FOLDS; k++) {
  const { v, knobs } = fitAll((x) => x.fold !== k);
  foldKnobs.push(knobs);
  foldVariants.push(v);
  for (const set of sets) for (const x of set.items) if (x.fold === k) cvLabel.set(x, label(x.compound, knobs[langKey(x)]));
}
variantScores.length = 0;
const { v: inSampleVariant, knobs: inSampleKnobs } = fitAll(() => true);
if (variants.length > 1) {
  console.log(`rule variants (training objective, all data): ${variants.map((x, v) => `${x.name} ${variantScores[v][0].toFixed(4)}`).join(' | ')}`);
  console.log(`chosen per fold: ${foldVariants.map((v) => variants[v].name).join(', ')}; on all data: ${variants[inSampleVariant].name}`);
}

const fmt = (m) => `acc ${m.accuracy.toFixed(3)}  F1 ${m.macroF1.toFixed(3)}  (${m.f1.map((v) => v.toFixed(3)).join('/')})`;
console.log(`${sets.reduce((n, s) => n + s.items.length, 0)} texts scored in ${seconds.toFixed(1)} s; ${FOLDS}-fold CV, seed ${SEED}`);
console.log(`shipped cuts: en ${showCut(CLASSIFIER.neutralCut.en)}, fr ${showCut(CLASSIFIER.neutralCut.fr)}; fitted on all data: en ${showCut(inSampleKnobs.en)}, fr ${showCut(inSampleKnobs.fr)}`);
console.log(`cuts chosen per fold: en ${foldKnobs.map((k) => showCut(k.en)).join(' ')} | fr ${foldKnobs.map((k) => showCut(k.fr)).join(' ')}`);
console.log('');
for (const set of sets) {
  const rows = [
    ['pilotfish as shipped', measures(set.items, (x) => x.shipped)],
    ['pilotfish, cuts fitted in-sample', measures(set.items, (x) => label(x.compound, inSampleKnobs[langKey(x)]))],
    ['pilotfish, cross-validated', measures(set.items, (x) => cvLabel.get(x))],
    ['VADER alone (cut 0.05)', measures(set.items, (x) => label(x.vader, { pos: 0.05, neg: 0.05 }))],
  ];
  console.log(`${set.name} (n=${set.items.length}, target measure: ${set.measure})`);
  for (const [name, m] of rows) console.log(`  ${name.padEnd(34)} ${fmt(m)}`);
}

const errorsOf = option('--errors');
if (errorsOf) {
  const set = sets.find((s) => s.name === errorsOf);
  for (const x of set.items) if (cvLabel.get(x) !== x.gold) console.log(`${x.gold}\t${cvLabel.get(x)}\t${x.compound}\t${x.vader}\t${x.text}`);
}

const diffOf = option('--vs-vader');
if (diffOf) {
  const set = sets.find((s) => s.name === diffOf);
  const v = (x) => label(x.vader, { pos: 0.05, neg: 0.05 });
  for (const x of set.items) {
    const p = cvLabel.get(x);
    if (p !== v(x) && (p === x.gold || v(x) === x.gold)) console.log(`${p === x.gold ? 'WIN ' : 'LOSS'}\t${x.gold}\tpf ${x.compound}\tvader ${x.vader}\t${x.text}`);
  }
}
