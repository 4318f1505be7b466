/** Templates (标准事项): a unit's process others below it adopt and may narrow. */

/** A published template: a process and the version of it units adopt. */
export interface TemplateRecord {
  /** The template process's key. */
  _id: string;
  /** The unit that publishes it (the process's owner); units under it may adopt it. */
  unit: string;
  /** The version adopters get; publishing again moves it to the newest. */
  version: number;
  name: string;
  publishedBy: string;
  publishedAt: Date;
}

/** Where an adopted process came from, and how it differs from the template. */
export interface AdoptionRecord {
  template: string;
  templateVersion: number;
  /** The promised limit the unit set, when it narrowed the template's. */
  promisedLimit?: string;
  /** The template's groups the unit staffs with its own; absent when it staffs none (the store drops empty objects). */
  groups?: Record<string, string>;
}
