// A static SPA: every page renders in the browser, so deep links work offline from the app shell.
export const ssr = false;
export const prerender = false;
