/** Absolute path of the console's `vite build` output (services/console/dist/, trailing slash). */
export declare const consoleDistPath: string;
/** Whether the console has been built: dist/index.html exists. */
export declare function consoleDistExists(): boolean;
/** Paths that are never the SPA's: the backend answers them. */
export declare const consoleServerPrefixes: readonly string[];
/** Whether a GET for `url` that matched no file should be answered with the console's index.html. */
export declare function isConsoleRoute(url: string): boolean;
