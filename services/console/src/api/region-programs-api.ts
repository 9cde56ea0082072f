/**
 * The region's inspections (检查考评) and surveys (民意调查): the inspector's rounds and findings,
 * a round's results, and the public survey page (no login).
 */
import type { Answer, RequestBody } from './contract';
import { anonymousApi, api, ok } from './http';

export type InspectionRound = Answer<'/api/intake/inspections/rounds', 'get'>['items'][number];
export type FindingInput = RequestBody<'/api/intake/inspections/findings', 'post'>;
export type RoundResults = Answer<'/api/region/inspections/{id}', 'get'>;
export type PublicSurvey = Answer<'/api/public/surveys/{token}', 'get'>;
export type SurveyAnswerInput = RequestBody<'/api/public/surveys/{token}/answers', 'post'>;

/** The rounds, newest first, each saying whether it takes findings today. */
export const listInspectorRounds = async () => (await ok(api.GET('/api/intake/inspections/rounds'))).items;

/** Records a finding; its `id` is made once per finding, so a resend is the same finding. */
export const recordFinding = (body: FindingInput) =>
  ok(api.POST('/api/intake/inspections/findings', { body }));

export const listRounds = async () => (await ok(api.GET('/api/region/inspections'))).items;

export const roundResults = (id: string) =>
  ok(api.GET('/api/region/inspections/{id}', { params: { path: { id } } }));

export const openSurvey = (token: string) =>
  ok(anonymousApi.GET('/api/public/surveys/{token}', { params: { path: { token } } }));

export const answerSurvey = (token: string, body: SurveyAnswerInput) =>
  ok(anonymousApi.POST('/api/public/surveys/{token}/answers', { params: { path: { token } }, body }));
