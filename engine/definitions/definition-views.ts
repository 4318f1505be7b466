import type { ProblemDetail } from '../errors';
import type { Role } from '../users/roles';

/** What a deploy answers: the version (new, or the same model deployed before) and the warnings deploy gave. */
export interface DeployOutcome {
  key: string;
  version: number;
  name: string;
  created: boolean;
  warnings: ProblemDetail[];
}

/** A saved draft (without its XML in the list); who saved it by name, null for an account from before names. */
export interface DraftView {
  key: string;
  xml: string;
  savedBy: string;
  savedByName: string | null;
  savedAt: string;
}

/** One deployed version as lists show it: who deployed it is named. */
export interface VersionSummary {
  version: number;
  deployedAt: string;
  deployedBy: string;
  deployedByName: string | null;
}

/** A process in the process list: its latest version and every version, newest first. */
export interface DefinitionSummary {
  key: string;
  name: string;
  latestVersion: number;
  deployedAt: string;
  /** The unit the process belongs to, and its name; null before there is a tree. */
  unit: string | null;
  unitName: string | null;
  versions: VersionSummary[];
}

export interface DefinitionDetail {
  key: string;
  name: string;
  unit: string | null;
  unitName: string | null;
  versions: VersionSummary[];
  latest: { version: number; xml: string };
}

/** The departments (the tree's units and those users name), candidate groups and roles, for a designer to pick from. */
export interface Directory {
  departments: string[];
  /** Each unit by its path of names, for the pickers' labels. */
  unitNames: Record<string, string>;
  groups: string[];
  roles: readonly Role[];
}
