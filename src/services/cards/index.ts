export { createCardService, type CardImages, type CardService, type CardServiceDeps, type JobOutcome } from './card-service';
export { etagOf, IMMUTABLE, DEGRADED, type CardSource } from './card-delivery';
export type { CurrentCard } from './current-card';
export { SHORT_CACHE } from './default-image';
