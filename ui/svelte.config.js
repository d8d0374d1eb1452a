// Svelte compiler options shared by Vite, svelte-check and ESLint: runes mode everywhere.
/** @type {import('svelte/compiler').CompileOptions} */
const compilerOptions = { runes: true };

export default { compilerOptions };
