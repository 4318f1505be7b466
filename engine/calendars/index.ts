export { CalendarService, type CalendarYear } from './calendar-service';
