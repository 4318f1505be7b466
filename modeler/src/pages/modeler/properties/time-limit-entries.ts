import { isNumberFieldEntryEdited, isSelectEntryEdited, NumberFieldEntry, SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { useEntryServices, type EntryDefinition } from './attribute-entries';
import type { DiagramElement, Modeling, ModdleObject, Translate } from './services';

/**
 * A govflow time limit (`3WD`, `90D`, `48H`) edited as a number and a unit select, written back
 * as one attribute (govflow:timeLimit, promisedLimit, statutoryLimit).
 */
type Unit = 'WD' | 'D' | 'H';
const units: Array<{ value: Unit; label: string }> = [
  { value: 'WD', label: 'Working days (WD)' },
  { value: 'D', label: 'Natural days (D)' },
  { value: 'H', label: 'Hours (H)' },
];

/** A unit picked while no amount is set yet, kept until the amount arrives. */
const pendingUnits = new WeakMap<ModdleObject, Map<string, Unit>>();

export function parseLimit(value: unknown): { amount: number | undefined; unit: Unit } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const match = /^([1-9]\d*)(WD|D|H)$/i.exec(String(value).trim());
  return match ? { amount: Number(match[1]), unit: match[2].toUpperCase() as Unit } : { amount: undefined, unit: 'WD' };
}

function currentUnit(target: ModdleObject, attribute: string): Unit {
  return parseLimit(target.get(attribute))?.unit ?? pendingUnits.get(target)?.get(attribute) ?? 'WD';
}

interface LimitProps {
  id: string;
  element: DiagramElement;
  target: (element: DiagramElement) => ModdleObject | undefined;
  attribute: string;
  label: string;
}

function LimitAmount(props: LimitProps) {
  const { modeling, translate, debounce } = useEntryServices();
  const target = props.target(props.element);
  if (!target) return null;
  return h(NumberFieldEntry, {
    id: props.id,
    element: props.element,
    label: translate(props.label),
    debounce,
    min: 1,
    max: 9999,
    step: 1,
    getValue: () => parseLimit(target.get(props.attribute))?.amount,
    setValue: (amount: number | undefined) => {
      const value = amount === undefined || !Number.isInteger(amount) || amount < 1 ? undefined : `${amount}${currentUnit(target, props.attribute)}`;
      modeling.updateModdleProperties(props.element, target, { [props.attribute]: value });
    },
    validate: (amount: number | undefined) => (amount !== undefined && !(Number.isInteger(amount) && amount >= 1) ? translate('A whole number from 1') : null),
  });
}

function LimitUnit(props: LimitProps) {
  const modeling = useService<Modeling>('modeling');
  const translate = useService<Translate>('translate');
  const target = props.target(props.element);
  if (!target) return null;
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: translate('Time limit unit'),
    getOptions: () => units.map((unit) => ({ value: unit.value, label: translate(unit.label) })),
    getValue: () => currentUnit(target, props.attribute),
    setValue: (unit: string) => {
      const limit = parseLimit(target.get(props.attribute));
      if (limit?.amount !== undefined) {
        modeling.updateModdleProperties(props.element, target, { [props.attribute]: `${limit.amount}${unit}` });
      } else {
        const pending = pendingUnits.get(target) ?? new Map<string, Unit>();
        pending.set(props.attribute, unit as Unit);
        pendingUnits.set(target, pending);
      }
    },
  });
}

/** The two entries of a limit: `<id>-amount` and `<id>-unit`. */
export function timeLimitEntries(spec: Omit<LimitProps, 'element'>): EntryDefinition[] {
  return [
    { ...spec, id: `${spec.id}-amount`, component: LimitAmount, isEdited: isNumberFieldEntryEdited },
    { ...spec, id: `${spec.id}-unit`, component: LimitUnit, isEdited: isSelectEntryEdited },
  ];
}
