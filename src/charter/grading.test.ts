import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/errors.js';
import { cleanQuestions, grade } from './grading.js';

const quiz = [
  { question: 'Reply to an angry post?', choices: ['Yes, argue', 'No, report it'], answer: 1 },
  { question: 'Share internal figures?', choices: ['Never', 'Sometimes', 'Always'], answer: 0 },
];

function fieldOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (err) { return (err as AppError).field; }
  return undefined;
}

describe('grade', () => {
  it.each([
    [[1, 0], 2, true],
    [[0, 0], 1, false],
    [[0, 2], 0, false],
  ])('answers %j score %i (passed: %s)', (answers, score, passed) => {
    const g = grade(quiz, answers);
    expect(g).toMatchObject({ score, total: 2, passed });
    expect(g.results.map((r) => r.correct)).toEqual(answers.map((a, i) => a === quiz[i]!.answer));
  });

  it('passes a module without questions once read', () => {
    expect(grade([], [])).toEqual({ score: 0, total: 0, passed: true, results: [] });
  });

  it('names the field of a missing or impossible answer', () => {
    expect(fieldOf(() => grade(quiz, [1]))).toBe('answers');
    expect(fieldOf(() => grade(quiz, [1, 3]))).toBe('answers[1]');
    expect(fieldOf(() => grade(quiz, [-1, 0]))).toBe('answers[0]');
  });
});

describe('cleanQuestions', () => {
  it('trims and keeps valid questions', () => {
    expect(cleanQuestions([{ question: ' Q? ', choices: [' a ', 'b'], answer: 1 }])).toEqual([{ question: 'Q?', choices: ['a', 'b'], answer: 1 }]);
  });
  it.each([
    [[{ question: ' ', choices: ['a', 'b'], answer: 0 }], 'questions[0].question'],
    [[{ question: 'Q', choices: ['a'], answer: 0 }], 'questions[0].choices'],
    [[{ question: 'Q', choices: ['a', 'a'], answer: 0 }], 'questions[0].choices'],
    [[{ question: 'Q', choices: ['a', 'b'], answer: 2 }], 'questions[0].answer'],
    [[{ question: 'Q', choices: ['a', ''], answer: 0 }], 'questions[0].choices[1]'],
  ])('refuses %j naming %s', (questions, field) => {
    expect(fieldOf(() => cleanQuestions(questions))).toBe(field);
  });
});
