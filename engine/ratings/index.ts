export { followUpMessage, followUpNotice, isPoor, isSatisfied, rateableStages, ratedStep, revisitMessage, SCORE_LABELS } from './rating-rules';
export { ratingViews, type RatingView } from './rating-view';
