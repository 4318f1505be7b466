import { bpmn } from './test-govflow';

/**
 * The shipped general-approval process with clocks: by default a promised 15 and statutory 20
 * working days from acceptance, 5 working days for acceptance and 3 for review.
 */
export function timedApproval(attributes = 'govflow:promisedLimit="15WD" govflow:statutoryLimit="20WD" govflow:clockStart="accept"', key = 'timed-approval'): string {
  return bpmn('general-approval.bpmn')
    .replaceAll('general-approval', key)
    .replace('isExecutable="true"', `isExecutable="true" ${attributes}`)
    .replace('govflow:decisions="accept,refuse"', 'govflow:decisions="accept,refuse" govflow:timeLimit="5WD"')
    .replace('govflow:decisions="pass,reject"', 'govflow:decisions="pass,reject" govflow:timeLimit="3WD" govflow:warnBefore="1"');
}
