export { StartSchedules, type TimerStartJob } from './start-schedules';
