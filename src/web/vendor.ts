// Vendored libraries are served as native ES modules from /vendor (copied there by scripts/build.mjs).
// TypeScript cannot resolve a root-absolute URL, so the module is imported dynamically by URL and typed
// from the npm package (a type-only import, erased from the output).
import type uPlot from 'uplot';

export type UPlot = uPlot;
export type UPlotCtor = typeof uPlot;

const UPLOT_URL = '/vendor/uPlot.esm.js';
let loading: Promise<UPlotCtor> | null = null;

export function loadUPlot(): Promise<UPlotCtor> {
  loading ??= (import(/* @vite-ignore */ UPLOT_URL) as Promise<{ default: UPlotCtor }>).then((m) => m.default);
  return loading;
}
