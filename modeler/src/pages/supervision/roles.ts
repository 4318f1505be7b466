import type { Session } from '../../shared/api-client';

/** What the signed-in user may do on the board; the server decides in the end, this only hides what it would refuse. */
export interface Abilities {
  /** The supervision office: closes cards and sends notices. */
  supervise: boolean;
  /** The office and admins: see every department and the figures. */
  office: boolean;
  /** Department staff: answer the notices sent to their department. */
  reply: boolean;
  /** Administrators: re-run a command an incident recorded. */
  retryIncidents: boolean;
}

export function abilitiesOf(session: Session): Abilities {
  const has = (...roles: string[]) => session.roles.some((role) => roles.includes(role));
  return { supervise: has('supervisor'), office: has('supervisor', 'admin'), reply: has('clerk', 'leader'), retryIncidents: has('admin') };
}
