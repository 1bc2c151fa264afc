export { loadConfig, ConfigError, configKeys, envName, publicUrl } from './load.js';
export { ConfigSchema, type Config } from './schema.js';
