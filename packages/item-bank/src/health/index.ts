export * from './health-store';
export * from './health-report';
