export { clockView, recompute, startClock, type Clock, type ClockState, type ClockView } from './clock';
