export { clockView, recompute, startClock, type Clock, type ClockState, type ClockView, type Extension } from './clock';
export { extendClock, isPaused, pauseClock, resumeClock } from './clock-changes';
