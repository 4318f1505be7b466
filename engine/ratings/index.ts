export { followUpMessage, followUpNotice, isPoor, isSatisfied, ratedStep, revisitMessage, SCORE_LABELS } from './rating-rules';
export { ratingViews, type RatingView } from './rating-view';
