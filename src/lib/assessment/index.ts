// The quarterly assessment core (pure): rubric as data, quarters, evidence, scoring.
export * from './quarter';
export * from './rubric';
export * from './channels';
export * from './evidence';
export * from './score';
export * from './links';
export * from './summary';
