export * from './accepted-answer-text';
export * from './answer-key-text';
export * from './assessment-point';
export * from './assessment-range';
export * from './blueprint';
export * from './candidate';
export * from './candidate-paper';
export * from './candidate-variation';
export * from './chinese-id-number';
export * from './choice-option';
export {
  EntityIdSchema,
  IsoDateTimeSchema,
  PercentSchema,
  type EntityId,
  type IsoDateTime,
} from './common';
export * from './item';
export * from './item-bodies';
export {
  AcceptedAnswerSchema,
  AcceptedTextSchema,
  type AcceptedAnswer,
  ItemContentSchema,
  RubricPointSchema,
  type FillBlankContent,
  type ItemContent,
  type ItemKey,
  type MultipleChoiceContent,
  type RubricPoint,
  type ShortAnswerContent,
  type SingleChoiceContent,
  type TrueFalseContent,
} from './item-content';
export * from './item-type';
export * from './item-version';
export * from './level';
export * from './numeric-answer';
export * from './occupation';
export * from './paper';
export * from './session';
export * from './standard';
export * from './theory-weight';
