/** Shapes as they cross the API. */

/** A stored shape as the API sends it, dates written as ISO strings: what the web pages read. */
export type AsJson<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
    ? Array<AsJson<Item>>
    : T extends object
      ? { [Key in keyof T]: AsJson<T[Key]> }
      : T;
