import type { CaseHead, CaseStatus, FieldType, StepCatalogue } from '../records';

/** One filled field of the sheet: its label, its type (for the page to write the value in words) and the value the case holds. */
export interface SheetField {
  name: string;
  label: string;
  type: FieldType;
  optionLabels?: Record<string, string>;
  value: unknown;
}

/**
 * The 审批单 of a case, as staff print it and file it: the case's facts, the application form
 * and each step's form as filled in, every opinion with its signer and time, and the outcome.
 */
export interface ApprovalSheet {
  caseId: string;
  receiptNo: string;
  title: string;
  processKey: string;
  processName: string;
  applicant: string;
  status: CaseStatus;
  createdAt: string;
  endedAt: string | null;
  /** The application form, then the form of each step passed that asked for fields. */
  sections: Array<{ title: string | null; stepId: string | null; fields: SheetField[] }>;
  opinions: Array<{ stepId: string; stepName: string; by: string; decision: string | null; text: string | null; at: string }>;
  outcome: string[];
}

/** The sheet of a case, from its head and its process version's catalogue; fields the case holds no value for are left out. */
export function approvalSheet(record: CaseHead, definition: { name: string; catalogue: StepCatalogue }): ApprovalSheet {
  const filled = (form: StepCatalogue['userTasks'][string]['form']): SheetField[] =>
    form.filter((field) => field.type !== 'materials' && record.variables[field.name] !== undefined).map((field) => ({ name: field.name, label: field.label, type: field.type, ...(field.optionLabels ? { optionLabels: field.optionLabels } : {}), value: record.variables[field.name] }));
  const passed = [...new Set(record.completedSteps)].flatMap((stepId) => {
    const step = definition.catalogue.userTasks[stepId];
    const fields = step ? filled(step.form) : [];
    return fields.length > 0 ? [{ title: step.name, stepId, fields }] : [];
  });
  return {
    caseId: record._id,
    receiptNo: record.receiptNo,
    title: record.title,
    processKey: record.processKey,
    processName: definition.name,
    applicant: record.applicant,
    status: record.status,
    createdAt: new Date(record.createdAt).toISOString(),
    endedAt: record.endedAt ? new Date(record.endedAt).toISOString() : null,
    sections: [{ title: null, stepId: null, fields: filled(definition.catalogue.startForm ?? []) }, ...passed],
    opinions: record.opinions.map((opinion) => ({ stepId: opinion.stepId, stepName: opinion.stepName, by: opinion.by, decision: opinion.decision, text: opinion.text, at: new Date(opinion.at).toISOString() })),
    outcome: (record.outcome ?? []).map((end) => end.name),
  };
}
