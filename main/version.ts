import packageJson from '../package.json';

/** Reckon's version, from package.json. */
export const VERSION: string = packageJson.version;
