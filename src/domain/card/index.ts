export * from './card-hash';
export * from './card-input';
export * from './card-job';
export * from './card-url';
export * from './card-variants';
export * from './focal-crop';
export * from './ports';
