/**
 * Element-by-element comparison of two BPMN models (two versions, or a version and the model
 * being edited), as parsed by the modeler's moddle: which flow elements were added, removed,
 * changed (which attributes, before → after; form fields and materials entry by entry), or only
 * moved on the diagram.
 */
export interface DiffModdleElement {
  $type: string;
  $descriptor?: { properties: DiffProperty[] };
  $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

interface DiffProperty {
  name: string;
  ns: { name: string };
  isReference?: boolean;
  isMany?: boolean;
}

export interface PropertyChange {
  property: string;
  before: string | undefined;
  after: string | undefined;
}

/** A form field or a material added, removed or changed, by its attributes as the designer set them. */
export interface EntryChange {
  list: EntryList;
  /** The field's name or the material's key. */
  key: string;
  /** What the designer reads for it: its label or name, else its key. */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed entry, each attribute that differs; for an added one, every attribute it has. */
  attributes: PropertyChange[];
}

export interface ElementChange {
  id: string;
  type: string;
  name: string | undefined;
  kind: 'added' | 'removed' | 'changed' | 'layout';
  properties: PropertyChange[];
  /** The element's form fields and materials that changed, entry by entry rather than as one block of text. */
  entries: EntryChange[];
}

/** The govflow lists compared entry by entry: the extension that holds them, its items, and what names an item. */
export type EntryList = 'form' | 'materials';
const entryLists: Record<string, { list: EntryList; items: string; key: string; label: string }> = {
  'govflow:Form': { list: 'form', items: 'fields', key: 'name', label: 'label' },
  'govflow:Materials': { list: 'materials', items: 'materials', key: 'key', label: 'name' },
};

/** References that only mirror other elements' changes (a connected flow), left out to keep the list readable. */
const mirroredReferences = new Set(['incoming', 'outgoing', 'lanes', 'flowNodeRef', 'boundaryEventRefs']);

function isElement(value: unknown): value is DiffModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as DiffModdleElement).$type === 'string';
}

function propertyLabel(property: DiffProperty): string {
  return property.ns.name.startsWith('bpmn:') ? property.ns.name.slice(5) : property.ns.name;
}

/** A child without an id (condition, extension elements, loop marker …) as canonical text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(', ')}]`;
  if (!isElement(value)) return String(value);
  const parts: string[] = [];
  for (const [property, item] of Object.entries(properties(value))) parts.push(`${property}=${item}`);
  return `${value.$type.replace(/^bpmn:/, '')}{${parts.join(' ')}}`;
}

/** An element's own attributes and id-less children as text by property name; children with ids count as elements of their own. */
function properties(element: DiffModdleElement): Record<string, string> {
  const result: Record<string, string> = {};
  for (const property of element.$descriptor?.properties ?? []) {
    if (property.name === 'id' || mirroredReferences.has(property.name)) continue;
    const value = element[property.name];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (property.isReference) {
      const ids = (Array.isArray(value) ? value : [value]).map((item) => (isElement(item) ? String(item.id) : String(item)));
      result[propertyLabel(property)] = ids.join(', ');
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    if (items.some((item) => isElement(item) && item.id !== undefined)) continue; // contained elements with ids are compared on their own
    if (property.name === 'extensionElements' && isElement(value)) {
      // forms and materials are compared entry by entry (entriesOf); the rest of the extensions as text
      const rest = ((value.values as unknown[] | undefined) ?? []).filter((item) => !(isElement(item) && entryLists[item.$type]));
      if (rest.length > 0) result[propertyLabel(property)] = canonical(rest);
      continue;
    }
    result[propertyLabel(property)] = canonical(value);
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) if (!name.startsWith('xmlns')) result[name] = value;
  return result;
}

/** The element's form fields and materials, each by list and key, with its attributes as text. */
function entriesOf(element: DiffModdleElement): Map<string, { list: EntryList; key: string; label: string; attributes: Record<string, string> }> {
  const found = new Map<string, { list: EntryList; key: string; label: string; attributes: Record<string, string> }>();
  const extensions = element.extensionElements as DiffModdleElement | undefined;
  for (const extension of (extensions?.values as unknown[] | undefined) ?? []) {
    const spec = isElement(extension) ? entryLists[extension.$type] : undefined;
    if (!spec || !isElement(extension)) continue;
    for (const item of (extension[spec.items] as DiffModdleElement[] | undefined) ?? []) {
      // an item's attributes by their own names (label, not govflow:label), as the panel calls them
      const attributes = Object.fromEntries(Object.entries(properties(item)).map(([name, value]) => [name.replace(/^\w+:/, ''), value]));
      const key = attributes[spec.key] ?? '';
      found.set(`${spec.list}\n${key}`, { list: spec.list, key, label: attributes[spec.label] || key, attributes });
    }
  }
  return found;
}

function entryChanges(before: DiffModdleElement, after: DiffModdleElement): EntryChange[] {
  const old = entriesOf(before);
  const current = entriesOf(after);
  const changes: EntryChange[] = [];
  for (const [id, entry] of current) {
    const previous = old.get(id);
    const attributes = changedProperties(previous?.attributes ?? {}, entry.attributes);
    if (!previous) changes.push({ list: entry.list, key: entry.key, label: entry.label, kind: 'added', attributes });
    else if (attributes.length > 0) changes.push({ list: entry.list, key: entry.key, label: entry.label, kind: 'changed', attributes });
  }
  for (const [id, entry] of old) if (!current.has(id)) changes.push({ list: entry.list, key: entry.key, label: entry.label, kind: 'removed', attributes: [] });
  return changes;
}

function changedProperties(a: Record<string, string>, b: Record<string, string>): PropertyChange[] {
  const changed: PropertyChange[] = [];
  for (const property of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[property] !== b[property]) changed.push({ property, before: a[property], after: b[property] });
  }
  return changed;
}

/** Every element with an id under `definitions`, diagram interchange left out. */
function semanticElements(definitions: DiffModdleElement): Map<string, DiffModdleElement> {
  const found = new Map<string, DiffModdleElement>();
  const visit = (element: DiffModdleElement) => {
    if (element.id !== undefined && element !== definitions) found.set(element.id, element);
    for (const property of element.$descriptor?.properties ?? []) {
      if (property.isReference || property.name === 'diagrams') continue;
      const value = element[property.name];
      for (const item of Array.isArray(value) ? value : [value]) if (isElement(item)) visit(item);
    }
  };
  visit(definitions);
  return found;
}

/** Bounds and waypoints of each diagram element, by the id of the element it draws. */
function layout(definitions: DiffModdleElement): Map<string, string> {
  const shapes = new Map<string, string>();
  for (const diagram of (definitions.diagrams as DiffModdleElement[] | undefined) ?? []) {
    for (const item of (((diagram.plane as DiffModdleElement | undefined)?.planeElement as DiffModdleElement[] | undefined) ?? [])) {
      const target = item.bpmnElement as DiffModdleElement | undefined;
      if (!target?.id) continue;
      const bounds = item.bounds as Record<string, number> | undefined;
      const waypoints = (item.waypoint as Array<Record<string, number>> | undefined) ?? [];
      shapes.set(target.id, bounds ? `${bounds.x},${bounds.y},${bounds.width},${bounds.height}` : waypoints.map((point) => `${point.x},${point.y}`).join(' '));
    }
  }
  return shapes;
}

export function diffDefinitions(before: DiffModdleElement, after: DiffModdleElement): ElementChange[] {
  const old = semanticElements(before);
  const current = semanticElements(after);
  const oldLayout = layout(before);
  const currentLayout = layout(after);
  const changes: ElementChange[] = [];
  for (const [id, element] of current) {
    const previous = old.get(id);
    if (!previous) {
      changes.push({ id, type: element.$type, name: element.name, kind: 'added', properties: [], entries: entryChanges({ $type: element.$type }, element) });
      continue;
    }
    const changed = changedProperties(properties(previous), properties(element));
    if (previous.$type !== element.$type) changed.unshift({ property: 'type', before: previous.$type, after: element.$type });
    const entries = entryChanges(previous, element);
    if (changed.length || entries.length) changes.push({ id, type: element.$type, name: element.name ?? previous.name, kind: 'changed', properties: changed, entries });
    else if (oldLayout.get(id) !== currentLayout.get(id)) changes.push({ id, type: element.$type, name: element.name, kind: 'layout', properties: [], entries: [] });
  }
  for (const [id, element] of old) if (!current.has(id)) changes.push({ id, type: element.$type, name: element.name, kind: 'removed', properties: [], entries: [] });
  const order = { added: 0, changed: 1, removed: 2, layout: 3 };
  return changes.sort((x, y) => order[x.kind] - order[y.kind] || x.id.localeCompare(y.id));
}
