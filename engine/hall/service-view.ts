import type { FormField, MaterialSpec } from '../records';

/** A public service as the online hall shows it (办事指南). */
export interface ServiceView {
  key: string;
  version: number;
  name: string;
  serviceCode: string | null;
  department: { code: string; name: string; path: string[] } | null;
  legalBasis: string | null;
  conditions: string | null;
  fees: string | null;
  collection: string | null;
  promisedLimit: string | null;
  statutoryLimit: string | null;
  /** 容缺受理: the window may accept without the materials that are not essential, to follow within `supplementLimit`. */
  incompleteAcceptance: boolean;
  supplementLimit: string | null;
  materials: MaterialSpec[];
  /** The application form's fields. */
  form: FormField[];
}
