/**
 * Public opinion surveys (民意调查): what a campaign asks and what an answer must be. Every
 * campaign asks the overall satisfaction (总体满意度) its rates are made of; its own questions are
 * ratings (1–5), yes/no or short texts. Problems are said in zh-CN and English: citizens read them.
 */
import { z } from 'zod';

export const satisfactionLevels = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

/** 满意 + 基本满意 count as satisfied in the satisfaction rate (满意率). */
export const countsAsSatisfied = (level: SatisfactionLevel) => level !== 'unsatisfied';

export const surveyQuestionKinds = ['rating', 'yesNo', 'text'] as const;

export const surveyQuestionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a short code: lower-case letters, digits, -'),
    text: z.string().trim().min(1).max(200),
    textEn: z.string().trim().min(1).max(200),
    kind: z.enum(surveyQuestionKinds),
  })
  .meta({ id: 'SurveyQuestion' });
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .max(20)
  .refine((questions) => new Set(questions.map((q) => q.code)).size === questions.length, {
    message: 'question codes must differ',
  });

export const surveyAnswerValue = z.union([z.number(), z.boolean(), z.string()]);
export type SurveyAnswerValue = z.infer<typeof surveyAnswerValue>;

/** A problem with an answer, in both languages. */
export interface SurveyAnswerProblem {
  path: string;
  message: string;
  messageZh: string;
}

const longestText = 500;

function answerProblem(
  question: SurveyQuestion,
  value: SurveyAnswerValue | undefined,
): SurveyAnswerProblem | null {
  const path = `answers.${question.code}`;
  if (value === undefined) {
    if (question.kind === 'text') return null;
    return { path, message: `"${question.textEn}" needs an answer`, messageZh: `请回答“${question.text}”` };
  }
  switch (question.kind) {
    case 'rating':
      return Number.isInteger(value) && typeof value === 'number' && value >= 1 && value <= 5
        ? null
        : {
            path,
            message: `"${question.textEn}" is rated 1 to 5`,
            messageZh: `“${question.text}”请打 1 至 5 分`,
          };
    case 'yesNo':
      return typeof value === 'boolean'
        ? null
        : {
            path,
            message: `"${question.textEn}" is answered yes or no`,
            messageZh: `“${question.text}”请回答是或否`,
          };
    case 'text':
      return typeof value === 'string' && value.trim().length <= longestText
        ? null
        : {
            path,
            message: `"${question.textEn}" takes a text of at most ${longestText} characters`,
            messageZh: `“${question.text}”请填写不超过 ${longestText} 字`,
          };
  }
}

/** What is wrong with `answers` to `questions` (unknown codes included); empty when nothing is. */
export function surveyAnswerProblems(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, SurveyAnswerValue>>,
): SurveyAnswerProblem[] {
  const problems = questions.flatMap((question) => answerProblem(question, answers[question.code]) ?? []);
  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(answers))
    if (!known.has(code))
      problems.push({
        path: `answers.${code}`,
        message: `the survey has no question "${code}"`,
        messageZh: `问卷中没有问题“${code}”`,
      });
  return problems;
}
