import type { CandidateOfficer } from './contract';
import { api, ok } from './http';

/**
 * Beyond api.md — the officers a shift lead can send to a case's verification or check (改派):
 * `GET /api/dispatch/cases/:id/officers` → `{officers}`, every active grid officer of the case's
 * city, best first (covers the case's grid, then its street, then on duty, then fewest open
 * tasks). Shift lead only.
 */
export async function listCaseOfficers(caseId: string): Promise<CandidateOfficer[]> {
  const answer = await ok(api.GET('/api/dispatch/cases/{id}/officers', { params: { path: { id: caseId } } }));
  return answer.officers;
}
