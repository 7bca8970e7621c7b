export * from './classification-store';
export * from './classification-text';
export * from './classification-queue';
export * from './classify-items';
export * from './point-matcher';
export * from './choose-standard';
