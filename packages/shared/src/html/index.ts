export * from './html-tags';
export * from './html-tree';
