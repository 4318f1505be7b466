import type { RuleFactory } from 'bpmnlint';

/** Vendor extensions that do work in their own engine and that govflow does not run. */
const ignored = /^(camunda|flowable|activiti):(executionListener|taskListener|inputOutput|in|out|failedJobRetryTimeCycle|eventListener)$/;

/**
 * A model from Camunda, Flowable or Activiti may hang work on listeners and input/output
 * mappings; govflow runs none of it, so the designer is told (a warning), rather than finding
 * out when a case does not do what it did elsewhere.
 */
const ignoredExtensions: RuleFactory = () => ({
  check(node, reporter) {
    const values = ((node.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];
    for (const type of new Set(values.map((value) => value.$type).filter((type) => ignored.test(type)))) {
      reporter.report(String(node.id), `${type} is not run by govflow and is ignored: draw the work it does as steps of the process`);
    }
  },
});

export default ignoredExtensions;
