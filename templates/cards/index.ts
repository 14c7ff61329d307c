import type { CardTemplate } from '../../src/domain/card';
import { photoTemplate } from './photo';
import type { CardTemplateModule } from './template';
import { textTemplate } from './text';

/** Card templates by id (the article field `cardTemplate`). */
export const CARD_TEMPLATE_MODULES: Record<CardTemplate, CardTemplateModule> = {
  photo: photoTemplate,
  text: textTemplate,
};

export type { CardTemplateModule, CardTemplateProps, Fit, FitRequest, TextStyle } from './template';
