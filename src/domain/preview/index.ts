export * from './mock';
export * from './networks';
export * from './page-tags';
export * from './profile';
export * from './units';
export * from './warnings';
export * from './preview';
export * from './warning-messages';
