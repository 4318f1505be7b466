export { MessageService, type CorrelatedMessage, type MessageInput } from './message-service';
