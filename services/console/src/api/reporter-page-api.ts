import { api, ok } from './http';

/**
 * The reporter's page (`/r/<token>`, the link of their updates): where their case stands, the
 * satisfaction question once it is closed (once only: 409 CONFLICT after) and the opt-out. No
 * session: the token is the credential.
 */
export const readReporterPage = (token: string) =>
  ok(api.GET('/api/public/reporter/{token}', { params: { path: { token } } }));

export const answerSatisfaction = (token: string, satisfied: boolean) =>
  ok(
    api.POST('/api/public/reporter/{token}/satisfaction', {
      params: { path: { token } },
      body: { satisfied },
    }),
  );

export const stopReporterUpdates = (token: string) =>
  ok(api.POST('/api/public/reporter/{token}/opt-out', { params: { path: { token } } }));

export type ReporterPage = Awaited<ReturnType<typeof readReporterPage>>;
