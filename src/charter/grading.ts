// Training quizzes, graded on the server: the right answers never leave it. Pure, so the rules are
// unit-tested: one chosen index per question, in order; a module is passed when every answer is right
// (the questions check the charter's few essentials, and a retry costs nothing).
import type { TrainingQuestion } from '../db/tables/ambassador.js';
import { badRequest } from '../shared/errors.js';

export const QUIZ_LIMITS = { questions: 10, choices: 6, minChoices: 2, question: 500, choice: 200 } as const;

export interface Grade { score: number; total: number; passed: boolean; results: { correct: boolean }[] }

export function grade(questions: readonly TrainingQuestion[], answers: readonly number[]): Grade {
  if (answers.length !== questions.length) throw badRequest('answers', `expected ${questions.length} answer(s), got ${answers.length}`);
  const results = questions.map((q, i) => {
    const chosen = answers[i]!;
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= q.choices.length) throw badRequest(`answers[${i}]`, `must be a choice index from 0 to ${q.choices.length - 1}`);
    return { correct: chosen === q.answer };
  });
  const score = results.filter((r) => r.correct).length;
  return { score, total: questions.length, passed: score === questions.length, results };
}

/** Trimmed questions whose answer points at one of their choices; names the field at fault. */
export function cleanQuestions(questions: readonly TrainingQuestion[]): TrainingQuestion[] {
  if (questions.length > QUIZ_LIMITS.questions) throw badRequest('questions', `at most ${QUIZ_LIMITS.questions} questions`);
  return questions.map((q, i) => {
    const question = q.question.trim();
    if (!question) throw badRequest(`questions[${i}].question`, 'must not be empty');
    const choices = q.choices.map((c, j) => {
      const text = c.trim();
      if (!text) throw badRequest(`questions[${i}].choices[${j}]`, 'must not be empty');
      return text;
    });
    if (choices.length < QUIZ_LIMITS.minChoices || choices.length > QUIZ_LIMITS.choices) throw badRequest(`questions[${i}].choices`, `between ${QUIZ_LIMITS.minChoices} and ${QUIZ_LIMITS.choices} choices`);
    if (new Set(choices).size !== choices.length) throw badRequest(`questions[${i}].choices`, 'choices must differ');
    if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= choices.length) throw badRequest(`questions[${i}].answer`, `must be a choice index from 0 to ${choices.length - 1}`);
    return { question, choices, answer: q.answer };
  });
}
