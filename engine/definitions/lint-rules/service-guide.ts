import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { materialElements, materialForms } from '../service-guide-spec';
import { splitList } from '../task-actors';

const materialKey = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
const mediaType = /^[a-z]+\/[a-z0-9.+-]+$/i;

/**
 * The service guide a public process lists in the online hall: each material has a unique key
 * (attachments name it), a name, a known form and sensible file limits; 容缺受理 has a material
 * it may do without and a limit for it to follow; a public process is one applicants start.
 */
const serviceGuide: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Process')) return;
    const id = String(node.id);
    const report = (message: string) => reporter.report(id, message);
    const materials = materialElements(node);
    const keys = new Set<string>();
    for (const material of materials) {
      const key = typeof material.key === 'string' ? material.key : '';
      if (!materialKey.test(key)) report(`material "${key}" needs a key of letters, digits, _ and -, starting with a letter (attachments name it)`);
      else if (keys.has(key)) report(`material "${key}" is listed twice`);
      keys.add(key);
      if (!(typeof material.name === 'string' && material.name.trim())) report(`material "${key}" has no name`);
      if (material.form !== undefined && !(materialForms as readonly unknown[]).includes(material.form)) report(`material "${key}" has unknown form "${String(material.form)}" (${materialForms.join(', ')})`);
      if (material.maxSizeMb !== undefined && !(Number.isInteger(material.maxSizeMb) && (material.maxSizeMb as number) > 0)) report(`material "${key}": the largest file (maxSizeMb) must be a whole number of megabytes above 0`);
      if (material.copies !== undefined && !(Number.isInteger(material.copies) && (material.copies as number) > 0)) report(`material "${key}": copies must be a whole number above 0`);
      for (const type of splitList(typeof material.mediaTypes === 'string' ? material.mediaTypes : undefined)) {
        if (!mediaType.test(type)) report(`material "${key}": "${type}" is not a media type such as application/pdf`);
      }
    }
    // whether the limit parses is the time-limits rule's to say
    const limit = node.get('govflow:supplementLimit');
    if (node.get('govflow:incompleteAcceptance') === true) {
      if (!materials.some((material) => material.essential === false)) report('容缺受理 (govflow:incompleteAcceptance) needs at least one material that is not essential, to accept without it');
      if (typeof limit !== 'string') report('容缺受理 (govflow:incompleteAcceptance) needs govflow:supplementLimit: how long the applicant has to hand in what is missing');
    }
    if (node.get('govflow:public') === true) {
      const initiators = node.get('govflow:initiators');
      if (typeof initiators === 'string' && !splitList(initiators).includes('applicant')) report('a public service (govflow:public) is applied for by applicants: govflow:initiators must include applicant');
    }
  },
});

export default serviceGuide;
