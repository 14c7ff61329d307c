export * from './embed-layout';
export * from './embed-model';
