// Loaded with --import before the unit tests: Node strips the types of the portal's .ts files
// itself (22.18 and later), but their imports name no extension ('./format'), as Vite and tsc
// resolve them. This hook tries the .ts file when the plain name is not found.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (e.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\//.test(specifier)) throw e;
      return next(specifier + '.ts', context);
    }
  },
});
