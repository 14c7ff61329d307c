export * from './override-store';
export * from './social-fields';
