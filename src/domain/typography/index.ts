export * from './emoji';
export * from './fit-lines';
export * from './font-plan';
export * from './line-break';
export * from './text';
export * from './text-styles';
export * from './card-text';
