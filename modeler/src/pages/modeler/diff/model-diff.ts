/**
 * Element-by-element comparison of two BPMN models (a draft and a deployed version), as parsed
 * by the modeler's moddle: which flow elements were added, removed, changed (which attributes,
 * before → after), or only moved on the diagram.
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

export interface ElementChange {
  id: string;
  type: string;
  name: string | undefined;
  kind: 'added' | 'removed' | 'changed' | 'layout';
  properties: PropertyChange[];
}

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
    result[propertyLabel(property)] = canonical(value);
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) if (!name.startsWith('xmlns')) result[name] = value;
  return result;
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
      changes.push({ id, type: element.$type, name: element.name, kind: 'added', properties: [] });
      continue;
    }
    const a = properties(previous);
    const b = properties(element);
    const changed: PropertyChange[] = [];
    for (const property of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[property] !== b[property]) changed.push({ property, before: a[property], after: b[property] });
    }
    if (previous.$type !== element.$type) changed.unshift({ property: 'type', before: previous.$type, after: element.$type });
    if (changed.length) changes.push({ id, type: element.$type, name: element.name ?? previous.name, kind: 'changed', properties: changed });
    else if (oldLayout.get(id) !== currentLayout.get(id)) changes.push({ id, type: element.$type, name: element.name, kind: 'layout', properties: [] });
  }
  for (const [id, element] of old) if (!current.has(id)) changes.push({ id, type: element.$type, name: element.name, kind: 'removed', properties: [] });
  const order = { added: 0, changed: 1, removed: 2, layout: 3 };
  return changes.sort((x, y) => order[x.kind] - order[y.kind] || x.id.localeCompare(y.id));
}
