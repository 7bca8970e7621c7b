// Placeholder until the proctor-server commands land (issue 5).
console.log('proctor-server: no commands yet');
