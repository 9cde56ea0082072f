/**
 * The case commands of api.md, one call for all of them: `sendCommand(seen, 'reject', { reason })`
 * posts to the command's route with the body that route declares, both taken from the generated
 * contract (`generated/commands.ts` and `schema.ts`, from the OpenAPI document). It sends the
 * version the user saw as `expectedVersion`, so a case that changed meanwhile answers 409
 * VERSION_CONFLICT instead of being overwritten.
 */
import type { CaseRecord, RequestBody } from './contract';
import { commandRoutes } from './generated/commands';
import { api, ok } from './http';

/** A command with a route (every human command but `report`). */
export type CommandName = keyof typeof commandRoutes;
type PathOf<C extends CommandName> = (typeof commandRoutes)[C]['path'];
/** What the route of `C` takes, but the version (sent from the case seen). */
export type CommandInput<C extends CommandName> = Omit<RequestBody<PathOf<C>, 'post'>, 'expectedVersion'>;

type Seen = Pick<CaseRecord, 'id' | 'version'>;

export function sendCommand<C extends CommandName>(
  seen: Seen,
  command: C,
  input: CommandInput<C>,
): Promise<CaseRecord> {
  // Every command route takes the case's id and answers the case; `input` was checked against
  // this command's own body above, so one route's type stands for all here.
  const path = commandRoutes[command].path as PathOf<'accept'>;
  return ok(
    api.POST(path, {
      params: { path: { id: seen.id } },
      body: { ...input, expectedVersion: seen.version },
    }),
  );
}

/** The fields the body of `command` requires (its route's schema). */
export function requiredFields(command: CommandName): readonly string[] {
  return commandRoutes[command].required;
}

export const commandNames = Object.keys(commandRoutes) as CommandName[];
