import type { RuleFactory } from 'bpmnlint';
import { externalTaskTypes } from '../external-task-spec';
import { actorDialects } from '../task-actors';

/** Vendor extensions that do work in their own engine and that govflow does not run. */
const ignored = /^((camunda|flowable|activiti):(executionListener|taskListener|inputOutput|in|out|failedJobRetryTimeCycle|eventListener)|zeebe:(ioMapping|taskListeners|executionListeners|formDefinition|taskHeaders))$/;

/** Mappings an external task runs. */
const mappedHere = /^((camunda|flowable|activiti):inputOutput|zeebe:ioMapping)$/;

/** Mappings a call activity runs. */
const callMappings = /^((camunda|flowable|activiti):(in|out)|zeebe:ioMapping)$/;

/** Vendor attributes naming work or forms that live outside the model, which govflow cannot reach. */
const ignoredAttributes = ['formKey', 'class', 'delegateExpression', 'expression'];

/**
 * A model from Camunda (7 or 8), Flowable or Activiti may hang work on listeners and input/output
 * mappings, or name a form page by formKey; govflow runs and shows none of it, so the designer
 * is told (a warning), rather than finding out when a case does not do what it did elsewhere.
 */
const ignoredExtensions: RuleFactory = () => ({
  check(node, reporter) {
    const values = ((node.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];
    // an external task's input/output mapping says what its worker gets and gives back (external-task-spec.ts)
    const mapped = externalTaskTypes.includes(node.$type) ? mappedHere : node.$type === 'bpmn:CallActivity' ? callMappings : /$^/;
    for (const type of new Set(values.map((value) => value.$type).filter((type) => ignored.test(type) && !mapped.test(type)))) {
      reporter.report(String(node.id), `${type} is not run by govflow and is ignored: draw the work it does as steps of the process`);
    }
    for (const dialect of actorDialects.slice(1)) {
      for (const name of ignoredAttributes) {
        const value = node.get(`${dialect}:${name}`);
        if (typeof value === 'string' && value.trim() !== '') reporter.report(String(node.id), `${dialect}:${name}="${value}" names something outside the model, which govflow ignores${name === 'formKey' ? ': the inbox shows the fields of govflow:form, camunda:formData or formProperty instead' : ''}`);
      }
    }
  },
});

export default ignoredExtensions;
