// Builds verify.html, the evidence bundle's offline checker, into one self-contained file
// (dist-verify/verify.html: its script inlined, no other file), which scripts/web.sh copies to
// src/evidence/verify.html for the C++ exporter to embed. A file:// page loads nothing else.
import { defineConfig, type Plugin } from 'vite';

function inlineEverything(): Plugin {
  return {
    name: 'accord-inline-verify-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') throw new Error('verify.html is missing from the build');
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk') continue;
        const tag = new RegExp(
          `<script type="module" crossorigin src="[^"]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"></script>`,
        );
        if (!tag.test(text)) throw new Error(`no script tag for ${name}`);
        // A function replacement: the code may contain "$&" and the like.
        const code = file.code.replace(/<\/script/gi, '<\\/script');
        text = text.replace(tag, () => `<script type="module">${code}</script>`);
        delete bundle[name];
      }
      html.source = text;
    },
  };
}

export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist-verify',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: false,
    assetsInlineLimit: 100_000_000,
    cssCodeSplit: false,
    rollupOptions: { input: 'verify.html', output: { inlineDynamicImports: true } },
  },
  plugins: [inlineEverything()],
});
