// Placeholder until the qbank commands land (issue 3).
console.log('qbank: no commands yet');
