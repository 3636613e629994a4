// Placeholder; the typed bridge is built in issue 3.
export {};
