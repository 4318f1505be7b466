/** The online hall's catalogue (办事指南): one entry per process, from its newest version. */

import type { FormField, ServiceGuideSpec } from './definition';

export interface ServiceRecord {
  /** The process key. */
  _id: string;
  /** The version the entry was read from; an older deploy never overwrites a newer one. */
  version: number;
  name: string;
  /** The unit that handles it. */
  unit: string | null;
  /** Listed in the catalogue; a newer version that is not public takes the entry out. */
  public: boolean;
  guide: ServiceGuideSpec;
  form: FormField[];
  promisedLimit: string | null;
  statutoryLimit: string | null;
  publishedAt: Date;
}
