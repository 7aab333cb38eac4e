// Builds the portal into dist/, served by `accord serve` under /app/. Each file also gets a
// .gz twin (the server sends it to browsers that accept gzip), so no compression at runtime.
import { defineConfig, type Plugin } from 'vite';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function gzipTwins(): Plugin {
  let outDir = 'dist';
  return {
    name: 'accord-gzip-twins',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) walk(path);
          else if (/\.(js|css|html|svg|json)$/.test(name)) {
            writeFileSync(path + '.gz', gzipSync(readFileSync(path), { level: 9 }));
          }
        }
      };
      walk(outDir);
    },
  };
}

export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
  plugins: [gzipTwins()],
});
