/// <reference types="vite/client" />
/**
 * Types for the Decap packages the /admin/ bundle imports that ship none
 * (decap-cms-app has its own index.d.ts).
 */
declare module 'decap-cms-locales' {
  type Phrases = { [key: string]: string | Phrases };
  export const ko: Phrases;
}

declare module 'decap-cms-widget-markdown' {
  import type { ComponentType } from 'react';
  const widget: { controlComponent: ComponentType<never>; previewComponent: ComponentType<never> };
  export default widget;
}

declare module 'decap-cms-widget-string' {
  import type { ComponentType } from 'react';
  const widget: { controlComponent: ComponentType<never>; previewComponent: ComponentType<never> };
  export default widget;
}

declare module 'decap-cms-widget-text' {
  import type { ComponentType } from 'react';
  const widget: { controlComponent: ComponentType<never>; previewComponent: ComponentType<never> };
  export default widget;
}
