/**
 * A category's questions (追问) in a city: what a reporter is asked beside the description — a
 * manhole cover's type, a dead tree's trunk diameter. They are Open311's service definition
 * attributes (GeoReport v2: variable, code, datatype, required, datatype_description, order,
 * description, values of key and name), written by the city's admin in Chinese and English. An
 * answer is checked against its question here, one rule for every caller, and kept on the case as
 * asked and answered then (the question may change later; the case keeps what was said).
 */
import { z } from 'zod';

export const questionDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type QuestionDatatype = (typeof questionDatatypes)[number];

const listTypes: readonly QuestionDatatype[] = ['singlevaluelist', 'multivaluelist'];
export const isListQuestion = (datatype: QuestionDatatype) => listTypes.includes(datatype);

const words = (max: number) => z.string().trim().min(1).max(max);

export const serviceQuestionSchema = z
  .object({
    code: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_-]{0,39}$/,
        'a code of letters, digits, _ and - (it names attribute[code])',
      ),
    /** False: only a notice shown to the reporter, nothing to answer. */
    variable: z.boolean().default(true),
    datatype: z.enum(questionDatatypes),
    required: z.boolean().default(false),
    description: words(300).describe('The question in Chinese (Open311 description)'),
    descriptionEn: words(300).describe('The question in English'),
    datatypeDescription: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .default(null)
      .describe('How to answer, e.g. the unit (Open311 datatype_description)'),
    order: z.number().int().min(1).max(999),
    values: z
      .array(z.object({ key: z.string().trim().min(1).max(40), name: words(100), nameEn: words(100) }))
      .max(50)
      .default([])
      .describe('The choices of a list question (key and name); none for other types'),
  })
  .superRefine((question, context) => {
    const list = isListQuestion(question.datatype);
    if (list && question.values.length === 0)
      context.addIssue({ code: 'custom', path: ['values'], message: `a ${question.datatype} needs values` });
    if (!list && question.values.length > 0)
      context.addIssue({ code: 'custom', path: ['values'], message: `a ${question.datatype} has no values` });
    if (new Set(question.values.map((v) => v.key)).size !== question.values.length)
      context.addIssue({ code: 'custom', path: ['values'], message: 'value keys must differ' });
    if (!question.variable && question.required)
      context.addIssue({
        code: 'custom',
        path: ['required'],
        message: 'a notice (variable false) asks nothing',
      });
  })
  .meta({ id: 'ServiceQuestion' });
export type ServiceQuestion = z.output<typeof serviceQuestionSchema>;

export const serviceQuestionsSchema = z
  .array(serviceQuestionSchema)
  .max(20)
  .refine((questions) => new Set(questions.map((q) => q.code)).size === questions.length, {
    message: 'question codes must differ',
  })
  .transform((questions) => [...questions].sort((a, b) => a.order - b.order));

/** An answer as the case keeps it: the question and the answer as they read then, in both languages. */
export const questionAnswerSchema = z
  .object({
    code: z.string(),
    question: z.string(),
    questionEn: z.string(),
    /** As posted: a list's keys, a number as written. */
    value: z.union([z.string(), z.array(z.string())]),
    answer: z.string(),
    answerEn: z.string(),
  })
  .meta({ id: 'QuestionAnswer' });
export type QuestionAnswer = z.infer<typeof questionAnswerSchema>;

/** Raw answers by question code: one value, or several for a multivaluelist. */
export type PostedAnswers = ReadonlyMap<string, string | readonly string[]>;

/** Why answers are refused: the first problem, said for a client developer. */
export class AnswerProblem extends Error {}

const isoDateTime = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The answers to `questions` in `posted`, checked: a required question answered, a number a number,
 * a date-time ISO 8601, a list's value among its keys (a multivaluelist's each). Answers to no
 * question are ignored (GeoReport v2 clients may send more). Throws AnswerProblem.
 */
export function checkAnswers(questions: readonly ServiceQuestion[], posted: PostedAnswers): QuestionAnswer[] {
  const answers: QuestionAnswer[] = [];
  for (const question of questions) {
    if (!question.variable) continue;
    const field = `attribute[${question.code}]`;
    const raw = posted.get(question.code);
    const values = (raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw])
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0) {
      if (question.required) throw new AnswerProblem(`${field} is required: ${question.descriptionEn}`);
      continue;
    }
    if (values.length > 1 && question.datatype !== 'multivaluelist')
      throw new AnswerProblem(`${field} takes one value`);
    const [first = ''] = values;
    let answer = first;
    let answerEn = first;
    switch (question.datatype) {
      case 'string':
        if (first.length > 300) throw new AnswerProblem(`${field} is longer than 300 characters`);
        break;
      case 'text':
        if (first.length > 4000) throw new AnswerProblem(`${field} is longer than 4000 characters`);
        break;
      case 'number':
        if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(first) || !Number.isFinite(Number(first)))
          throw new AnswerProblem(`${field} must be a number, not '${first.slice(0, 40)}'`);
        break;
      case 'datetime':
        if (!isoDateTime.test(first) || Number.isNaN(Date.parse(first)))
          throw new AnswerProblem(`${field} must be an ISO 8601 date-time, not '${first.slice(0, 40)}'`);
        break;
      case 'singlevaluelist':
      case 'multivaluelist': {
        const chosen = values.map((key) => {
          const value = question.values.find((v) => v.key === key);
          if (value === undefined)
            throw new AnswerProblem(
              `${field}: '${key.slice(0, 40)}' is not one of its keys (${question.values.map((v) => v.key).join(', ')})`,
            );
          return value;
        });
        answer = chosen.map((v) => v.name).join('、');
        answerEn = chosen.map((v) => v.nameEn).join(', ');
        break;
      }
    }
    answers.push({
      code: question.code,
      question: question.description,
      questionEn: question.descriptionEn,
      value: question.datatype === 'multivaluelist' ? values : first,
      answer,
      answerEn,
    });
  }
  return answers;
}
