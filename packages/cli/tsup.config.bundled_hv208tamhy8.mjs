// tsup.config.ts
import { defineConfig } from "tsup";
var tsup_config_default = defineConfig([
  {
    // The library: what the docs app imports (loadPolicyFile, the audit model, the diff model).
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // tsup sets `baseUrl`, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    // No maps: the CJS map's `sources` would name tsup's own `cjs_shims.js` in the build machine's
    // node_modules, a file no tarball can ship. The bin keeps its maps (ESM, no shim).
    sourcemap: false,
    clean: true,
    target: "es2022",
    // The loader creates jiti from `import.meta.url`; the CJS build needs the shim.
    shims: true
  },
  {
    // The executable: ESM only, with a shebang (tsup keeps it and marks the file executable).
    entry: ["src/bin.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "es2022"
  }
]);
export {
  tsup_config_default as default
};
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsidHN1cC5jb25maWcudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImNvbnN0IF9faW5qZWN0ZWRfZmlsZW5hbWVfXyA9IFwiL3dvcmsvbWFpbi9wYWNrYWdlcy9jbGkvdHN1cC5jb25maWcudHNcIjtjb25zdCBfX2luamVjdGVkX2Rpcm5hbWVfXyA9IFwiL3dvcmsvbWFpbi9wYWNrYWdlcy9jbGlcIjtjb25zdCBfX2luamVjdGVkX2ltcG9ydF9tZXRhX3VybF9fID0gXCJmaWxlOi8vL3dvcmsvbWFpbi9wYWNrYWdlcy9jbGkvdHN1cC5jb25maWcudHNcIjtpbXBvcnQgeyBkZWZpbmVDb25maWcgfSBmcm9tICd0c3VwJztcblxuZXhwb3J0IGRlZmF1bHQgZGVmaW5lQ29uZmlnKFtcbiAge1xuICAgIC8vIFRoZSBsaWJyYXJ5OiB3aGF0IHRoZSBkb2NzIGFwcCBpbXBvcnRzIChsb2FkUG9saWN5RmlsZSwgdGhlIGF1ZGl0IG1vZGVsLCB0aGUgZGlmZiBtb2RlbCkuXG4gICAgZW50cnk6IFsnc3JjL2luZGV4LnRzJ10sXG4gICAgZm9ybWF0OiBbJ2VzbScsICdjanMnXSxcbiAgICAvLyB0c3VwIHNldHMgYGJhc2VVcmxgLCB3aGljaCBUeXBlU2NyaXB0IDYgZGVwcmVjYXRlcy5cbiAgICBkdHM6IHsgY29tcGlsZXJPcHRpb25zOiB7IGlnbm9yZURlcHJlY2F0aW9uczogJzYuMCcgfSB9LFxuICAgIC8vIE5vIG1hcHM6IHRoZSBDSlMgbWFwJ3MgYHNvdXJjZXNgIHdvdWxkIG5hbWUgdHN1cCdzIG93biBgY2pzX3NoaW1zLmpzYCBpbiB0aGUgYnVpbGQgbWFjaGluZSdzXG4gICAgLy8gbm9kZV9tb2R1bGVzLCBhIGZpbGUgbm8gdGFyYmFsbCBjYW4gc2hpcC4gVGhlIGJpbiBrZWVwcyBpdHMgbWFwcyAoRVNNLCBubyBzaGltKS5cbiAgICBzb3VyY2VtYXA6IGZhbHNlLFxuICAgIGNsZWFuOiB0cnVlLFxuICAgIHRhcmdldDogJ2VzMjAyMicsXG4gICAgLy8gVGhlIGxvYWRlciBjcmVhdGVzIGppdGkgZnJvbSBgaW1wb3J0Lm1ldGEudXJsYDsgdGhlIENKUyBidWlsZCBuZWVkcyB0aGUgc2hpbS5cbiAgICBzaGltczogdHJ1ZSxcbiAgfSxcbiAge1xuICAgIC8vIFRoZSBleGVjdXRhYmxlOiBFU00gb25seSwgd2l0aCBhIHNoZWJhbmcgKHRzdXAga2VlcHMgaXQgYW5kIG1hcmtzIHRoZSBmaWxlIGV4ZWN1dGFibGUpLlxuICAgIGVudHJ5OiBbJ3NyYy9iaW4udHMnXSxcbiAgICBmb3JtYXQ6IFsnZXNtJ10sXG4gICAgc291cmNlbWFwOiB0cnVlLFxuICAgIHRhcmdldDogJ2VzMjAyMicsXG4gIH0sXG5dKTtcbiJdLAogICJtYXBwaW5ncyI6ICI7QUFBbU4sU0FBUyxvQkFBb0I7QUFFaFAsSUFBTyxzQkFBUSxhQUFhO0FBQUEsRUFDMUI7QUFBQTtBQUFBLElBRUUsT0FBTyxDQUFDLGNBQWM7QUFBQSxJQUN0QixRQUFRLENBQUMsT0FBTyxLQUFLO0FBQUE7QUFBQSxJQUVyQixLQUFLLEVBQUUsaUJBQWlCLEVBQUUsb0JBQW9CLE1BQU0sRUFBRTtBQUFBO0FBQUE7QUFBQSxJQUd0RCxXQUFXO0FBQUEsSUFDWCxPQUFPO0FBQUEsSUFDUCxRQUFRO0FBQUE7QUFBQSxJQUVSLE9BQU87QUFBQSxFQUNUO0FBQUEsRUFDQTtBQUFBO0FBQUEsSUFFRSxPQUFPLENBQUMsWUFBWTtBQUFBLElBQ3BCLFFBQVEsQ0FBQyxLQUFLO0FBQUEsSUFDZCxXQUFXO0FBQUEsSUFDWCxRQUFRO0FBQUEsRUFDVjtBQUNGLENBQUM7IiwKICAibmFtZXMiOiBbXQp9Cg==
