export { createCardService, type CardImages, type CardService, type CardServiceDeps, type DeliveryHooks, type JobOutcome } from './card-service';
export { etagOf, IMMUTABLE, DEGRADED, serverTiming, type CardDeliveryEvent, type CardSource } from './card-delivery';
export type { CurrentCard } from './current-card';
export { SHORT_CACHE } from './default-image';
export { SWEEP_DEFAULTS, type SweepReport } from './card-sweep';
